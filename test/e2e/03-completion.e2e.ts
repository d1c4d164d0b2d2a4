import { expect, test } from 'vitest';
import { callableIds, declarations } from './harness/declarations.js';
import { focusedSuggestion, goTo, suggestions, type } from './harness/editor.js';
import { waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { lastMemberLine, requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, save } from './harness/workbench.js';

// Scenario 3: a person writes a new call, `orders -> `, and asks for completion. The list
// offers the ids a call can reach, and accepting one writes it into the file.
const session = useSession('03-completion');

const SAMPLE = 'microservices.arch';

test('completion after an arrow offers the ids a call can reach, and accepting one inserts it', async () => {
    const { page, workspace } = session.current;
    const text = await session.current.read(SAMPLE);
    const declared = declarations(text);
    const source = declared.find(d => d.kind === 'service')!.id;
    const expected = callableIds(text, source);
    const target = declared.find(d => d.kind === 'database' || d.kind === 'cache')!.id;
    expect(declared.some(d => d.kind === 'client'), 'the sample has clients, which a call must not offer').toBe(true);

    // A new line after the last member of the architecture block.
    const last = lastMemberLine(text);
    await openFile(page, SAMPLE);
    await waitForStatusBarToMatchCli(page, workspace);
    await goTo(page, last, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await type(page, `${source} -> `);

    const offered = await suggestions(page);
    expect(offered.slice().sort(), `completion after '${source} -> '`).toEqual(expected);
    await session.current.screenshot('03-completion--list');

    // Narrow the list by typing, as a person does, and accept with Enter.
    await type(page, target.slice(0, -1));
    await waitFor(`'${target}' to be the completion item that Enter accepts`, async () => {
        const focused = await focusedSuggestion(page);
        return { ok: focused === target, seen: focused ? `'${focused}'` : 'no completion list' };
    });
    await page.keyboard.press('Enter');
    await save(page);
    await waitFor(`the saved file to have the line '${source} -> ${target}'`, async () => {
        const saved = (await session.current.read(SAMPLE)).split('\n');
        const added = saved[last]?.trim();
        return { ok: added === `${source} -> ${target}`, seen: `line ${last + 1}: '${added}'` };
    });
    expect(requireLine(await session.current.read(SAMPLE), new RegExp(`^\\s*${source} -> ${target}$`), 'the new call').line).toBe(last + 1);
});
