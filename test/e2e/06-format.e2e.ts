import { writeFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { scrambleLayout } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand, save } from './harness/workbench.js';

// Scenario 6: a person formats a file written carelessly and gets the canonical layout.
// The samples are in canonical format (the formatter leaves them as they are), so a
// sample with its layout scrambled must come back as the sample.
const session = useSession('06-format');

const SAMPLE = 'microservices.arch';
const SCRAMBLED = 'scrambled.arch';

test('Format Document turns a scrambled file into the canonical layout', async () => {
    const { page, workspace } = session.current;
    const canonical = await session.current.read(SAMPLE);
    const scrambled = scrambleLayout(canonical);
    expect(scrambled).not.toBe(canonical);
    await writeFile(session.current.path(SCRAMBLED), scrambled);

    await openFile(page, SCRAMBLED);
    // Formatting before the language server has started finds no formatter.
    await waitForStatusBarToMatchCli(page, workspace);
    await runCommand(page, 'Format Document');
    await waitFor('the formatter to change the document', async () => ({
        ok: await page.locator('.tabs-container .tab.active.dirty').count() > 0,
        seen: 'the editor has no unsaved changes',
    }));
    await save(page);

    await waitFor(`${SCRAMBLED} to be saved in the layout of ${SAMPLE}`, async () => {
        const formatted = await session.current.read(SCRAMBLED);
        return { ok: formatted === canonical, seen: firstDifference(formatted, canonical) };
    });
});

/** Where two texts part, as a reviewer wants to read it. */
function firstDifference(actual: string, expected: string): string {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = a.findIndex((line, n) => line !== e[n]);
    if (i < 0) return `the same lines, but ${a.length} lines instead of ${e.length}`;
    return `line ${i + 1} is ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])}`;
}
