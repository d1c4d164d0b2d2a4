import { expect, test } from 'vitest';
import { ELEMENT_KINDS, GROUP_KINDS, type ElementKind } from '../../language-server/src/model/kinds.js';
import { focusedSuggestion, goTo, suggestions, type } from './harness/editor.js';
import { waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { requireLine, withoutComments } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, save } from './harness/workbench.js';

// Scenario 3: a person writes a new call, `orders -> `, and asks for completion. The list
// offers the ids a call can reach, and accepting one writes it into the file.
const session = useSession('03-completion');

const SAMPLE = 'microservices.arch';

interface Declaration {
    readonly kind: string;
    readonly id: string;
}

/** Every element and group the file declares, read from its text: `kind id ...`. */
function declarations(text: string): Declaration[] {
    const kinds = [...Object.keys(ELEMENT_KINDS), ...Object.keys(GROUP_KINDS)].join('|');
    const pattern = new RegExp(`^\\s*(${kinds})\\s+(\\w+)`, 'gm');
    return [...withoutComments(text).matchAll(pattern)].map(m => ({ kind: m[1], id: m[2] }));
}

/** A call (`->`) reaches anything but itself, clients, timers and observability (which `..>` reaches). */
function callable(declaration: Declaration, source: string): boolean {
    const kind = ELEMENT_KINDS[declaration.kind as ElementKind];
    if (declaration.id === source) return false;
    return !kind || !(kind.tier === 'client' || kind.tier === 'observability' || declaration.kind === 'timer');
}

function lastIndex(lines: readonly string[], test: (line: string) => boolean): number {
    for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i])) return i;
    return -1;
}

test('completion after an arrow offers the ids a call can reach, and accepting one inserts it', async () => {
    const { page, workspace } = session.current;
    const text = await session.current.read(SAMPLE);
    const declared = declarations(text);
    const source = declared.find(d => d.kind === 'service')!.id;
    const expected = declared.filter(d => callable(d, source)).map(d => d.id).sort();
    const target = declared.find(d => d.kind === 'database' || d.kind === 'cache')!.id;
    expect(declared.some(d => d.kind === 'client'), 'the sample has clients, which a call must not offer').toBe(true);

    // A new line after the last member of the architecture block.
    const lines = text.split('\n');
    const close = lastIndex(lines, line => /^\}\s*$/.test(line));
    const last = lastIndex(lines.slice(0, close), line => line.trim().length > 0) + 1;
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
