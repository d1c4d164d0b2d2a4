import { expect, test } from 'vitest';
import { goTo, hoverAtCursor, squiggles, type, underlines, wordBox } from './harness/editor.js';
import { statusBarCounts, waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile } from './harness/workbench.js';

// Scenario 2: a person mistypes the target of a call. Within 2 s an error squiggle sits
// under the word, and its message says which id they meant; fixing the word clears it.
const session = useSession('02-misspelt-reference');

const SAMPLE = 'microservices.arch';

test('a misspelt reference is underlined within 2 s with "did you mean", and the fix clears it', async () => {
    const { page, workspace } = session.current;
    const text = await session.current.read(SAMPLE);
    // The first synchronous call whose target is long enough to misspell by one letter.
    const call = requireLine(text, /^\s*(\w+) -> (\w{6,})\b/, 'a call to an id of six letters or more', 2);
    const [, source, target] = call.match;
    const misspelt = target.slice(0, 3) + target.slice(4);
    const relation = `${source} -> ${misspelt}`;

    await openFile(page, SAMPLE);
    const before = await waitForStatusBarToMatchCli(page, workspace);

    // Select the target id and type the misspelt one over it.
    await goTo(page, call.line, call.column);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await type(page, misspelt);

    await waitFor(`an error squiggle under '${misspelt}' within 2 s of typing it`, async () => {
        const word = await wordBox(page, relation, misspelt);
        const errors = await squiggles(page, 'error');
        return {
            ok: word !== undefined && errors.some(s => underlines(s, word)),
            seen: word ? `${errors.length} error squiggle(s), none under the word (word at ${JSON.stringify(word)}, squiggles at ${JSON.stringify(errors)})` : `no line '${relation}' on screen`,
        };
    }, { timeoutMs: 2_000, intervalMs: 50 });

    await goTo(page, call.line, call.column + 1);
    const hover = await hoverAtCursor(page, t => t.includes(`Did you mean '${target}'?`), `"Did you mean '${target}'?"`);
    expect(hover).toContain(`Unknown element '${misspelt}'.`);
    await session.current.screenshot('02-misspelt-reference--squiggle');
    await page.keyboard.press('Escape');

    // Fix it: the error goes, and the counts are those of the file as it was.
    await goTo(page, call.line, call.column);
    await page.keyboard.press('Control+Shift+ArrowRight');
    await type(page, target);
    await waitFor(`no error squiggle under '${target}' once it is spelt right`, async () => {
        const word = await wordBox(page, `${source} -> ${target}`, target);
        const errors = await squiggles(page, 'error');
        return { ok: word !== undefined && !errors.some(s => underlines(s, word)), seen: word ? 'an error squiggle under the word' : `no line '${source} -> ${target}' on screen` };
    });
    await waitFor(`the status bar to count ${JSON.stringify(before)} again`, async () => {
        const counts = await statusBarCounts(page);
        return { ok: JSON.stringify(counts) === JSON.stringify(before), seen: JSON.stringify(counts) };
    });
});
