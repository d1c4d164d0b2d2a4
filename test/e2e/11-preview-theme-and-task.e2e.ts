import { mkdir, writeFile } from 'node:fs/promises';
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { previewFrame } from './harness/preview.js';
import { statusBarCounts, waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';

// Scenario 11: a person who keeps VS Code dark wants the diagram as it will be printed, on
// white: they set `archsight.preview.theme` and the open preview changes. Then they run the
// check that the extension provides, with no tasks.json, from Terminal > Run Task.
const session = useSession('11-preview-theme-and-task');

/** The colours the preview shows: the stage's background and the first node's fill, as `rgb(…)`. */
async function colours(frame: Frame): Promise<{ stage: string; node: string; body: string }> {
    return frame.locator('#stage').evaluate(stage => {
        const view = stage.ownerDocument.defaultView!;
        const shape = stage.querySelector('g.node .shape');
        return {
            stage: view.getComputedStyle(stage).backgroundColor,
            node: shape ? view.getComputedStyle(shape).fill : 'no node',
            body: stage.ownerDocument.body.className,
        };
    });
}

test('archsight.preview.theme draws the open preview in light colours in a dark editor, and back', async () => {
    const { page } = session.current;
    await openFile(page, 'microservices.arch');
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page, 60_000);
    const editorColours = await colours(frame);
    // code-server starts dark: the stage follows the editor (its background is the editor's, not white).
    expect(editorColours.body).not.toContain('archsight-theme');
    expect(editorColours.stage).not.toBe('rgb(255, 255, 255)');

    await mkdir(session.current.path('.vscode'), { recursive: true });
    await writeFile(session.current.path('.vscode/settings.json'), JSON.stringify({ 'archsight.preview.theme': 'light' }, null, 2));
    const light = await waitFor('the open preview to turn light', async () => {
        const now = await colours(frame);
        return { ok: now.stage === 'rgb(255, 255, 255)', seen: JSON.stringify(now), value: now };
    }, { timeoutMs: 30_000 });
    expect(light.body).toContain('archsight-theme-light');
    expect(light.node).not.toBe(editorColours.node);
    await session.current.screenshot('11-preview-theme-and-task--light-preview-in-dark-editor');

    await writeFile(session.current.path('.vscode/settings.json'), JSON.stringify({ 'archsight.preview.theme': 'auto' }, null, 2));
    await waitFor('the preview to follow the editor again', async () => {
        const now = await colours(frame);
        return { ok: now.stage === editorColours.stage && !now.body.includes('archsight-theme'), seen: JSON.stringify(now) };
    }, { timeoutMs: 30_000 });
});

test('the provided "archsight: check" task runs without a tasks.json and its problems join Problems', async () => {
    const { page, workspace } = session.current;
    const everywhere = await waitForStatusBarToMatchCli(page, workspace, 60_000);
    expect(everywhere.errors + everywhere.warnings).toBeGreaterThan(0);
    await runCommand(page, 'Tasks: Run Task', { opensPicker: true });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    // The picker lists the task types that provide tasks; ours opens onto its tasks.
    for (const label of ['archsight', 'archsight: check']) {
        const row = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
        await waitFor(`the task picker to offer '${label}'`, async () => {
            const labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map(l => `'${l.trim()}'`);
            return { ok: await row.count() > 0, seen: labels.length ? labels.join(', ') : 'nothing' };
        }, { timeoutMs: 60_000 });
        await row.click();
    }
    // The task checks every .arch file of the folder, as the CLI does; its matcher has its own owner,
    // so its problems come beside the language server's and the status bar counts both.
    const expected = { errors: everywhere.errors * 2, warnings: everywhere.warnings * 2, infos: everywhere.infos * 2 };
    await waitFor(`the status bar to count the task's problems too, ${JSON.stringify(expected)}`, async () => {
        const counts = await statusBarCounts(page);
        return { ok: JSON.stringify(counts) === JSON.stringify(expected), seen: JSON.stringify(counts) };
    }, { timeoutMs: 90_000 });
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await session.current.screenshot('11-preview-theme-and-task--provided-task-problems');
});
