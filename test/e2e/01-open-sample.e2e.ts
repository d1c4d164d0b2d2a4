import { basename } from 'node:path';
import { expect, test } from 'vitest';
import { cliProblems } from './harness/cli.js';
import { visibleTokens } from './harness/editor.js';
import { countProblems, describeProblems, problemsInView, showProblems, waitForStatusBarToMatchCli, type Problem } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile } from './harness/workbench.js';
import { FIXTURES_FOLDER } from './harness/workspace.js';

// Scenario 1: a person opens a sample. It is highlighted, and the editor reports exactly
// the problems that `archsight check` reports in CI for the same file.
const session = useSession('01-open-sample');

/** A fixture with an unknown reference and two misplaced settings, so the comparison is not of two empty lists. */
const WITH_PROBLEMS = `${FIXTURES_FOLDER}/problems.arch`;
const SAMPLE = 'soa-esb.arch';

test('a file with problems: the Problems view and the status bar show what the CLI reports', async () => {
    const { page, workspace } = session.current;
    await openFile(page, WITH_PROBLEMS);
    await showProblems(page, WITH_PROBLEMS);
    const expected = await cliProblems(workspace, [WITH_PROBLEMS]);
    expect(countProblems(expected).errors, 'the fixture has an error for the CLI too').toBeGreaterThan(0);

    await expectEditorToReport(expected, WITH_PROBLEMS);
});

test('a sample is highlighted and shows exactly the problems the CLI reports', async () => {
    const { page, workspace } = session.current;
    await openFile(page, SAMPLE);

    const tokens = await waitFor('the sample to be highlighted with several token colours', async () => {
        const found = await visibleTokens(page);
        const classes = new Set(found.map(t => t.className));
        return { ok: classes.size >= 3, seen: `token classes ${[...classes].join(', ') || 'none'}`, value: found };
    });
    const keyword = tokens.find(t => t.text === 'architecture');
    const plain = tokens.find(t => t.text.includes('{'));
    expect(keyword, "the 'architecture' keyword is a token of its own").toBeDefined();
    expect(keyword!.className, 'keywords are coloured unlike plain text').not.toBe(plain?.className);

    await showProblems(page, SAMPLE);
    await expectEditorToReport(await cliProblems(workspace, [SAMPLE]), SAMPLE);
});

/**
 * The Problems view lists exactly `expected` under `file`, and the status bar counts what
 * the CLI counts in the whole workspace (the language server checks every file in it).
 */
async function expectEditorToReport(expected: readonly Problem[], file: string): Promise<void> {
    const { page, workspace } = session.current;
    await waitFor(`the Problems view to list for ${file}:\n${describeProblems(expected) || '(nothing)'}\n`, async () => {
        const listed = await problemsInView(page, basename(workspace));
        const own = listed.filter(p => p.file === file);
        const seen = own.length > 0 || listed.length === 0 ? describeProblems(own) || '(nothing)' : `nothing for ${file}, but:\n${describeProblems(listed)}`;
        return { ok: describeProblems(own) === describeProblems(expected), seen: `\n${seen}` };
    }, { timeoutMs: 30_000 });

    await waitForStatusBarToMatchCli(page, workspace);
}
