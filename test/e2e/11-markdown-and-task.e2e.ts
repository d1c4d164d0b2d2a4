import { mkdir, writeFile } from 'node:fs/promises';
import type { Frame } from 'playwright-core';
import { expect, test } from 'vitest';
import { cliProblems } from './harness/cli.js';
import { countProblems, statusBarCounts, waitForStatusBarToMatchCli } from './harness/problems.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';
import { FIXTURES_FOLDER } from './harness/workspace.js';

// Scenario 11: a person keeps design notes in Markdown with an ```arch block and sees it
// drawn in VS Code's Markdown preview; then runs the archsight task from tasks.json and
// its problems join the editor's in Problems.
const session = useSession('11-markdown-and-task');

test('an ```arch block is drawn in the Markdown preview, in the colours of the theme', async () => {
    const { page } = session.current;
    await openFile(page, `${FIXTURES_FOLDER}/design.md`);
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const frame = await waitFor('the Markdown preview to show the block as a drawn image', async () => {
        for (const f of page.frames()) {
            const loaded = await f.locator('.archsight-block img').evaluateAll((imgs: Array<{ naturalWidth: number }>) => imgs.filter(i => i.naturalWidth > 0).length).catch(() => 0);
            if (loaded === 2) return { ok: true, seen: 'two decoded images', value: f };
        }
        const pending = await Promise.all(page.frames().map(f => f.locator('.archsight-block').allInnerTexts().catch(() => [] as string[])));
        return { ok: false, seen: `blocks: ${JSON.stringify(pending.flat()).slice(0, 300) || 'none'}` };
    }, { timeoutMs: 90_000 }) as Frame;
    const body = await frame.locator('body').getAttribute('class') ?? '';
    const images = frame.locator('.archsight-block img');
    const visible: string[] = [];
    const alt: string[] = [];
    for (let i = 0; i < await images.count(); i++) {
        if (!await images.nth(i).isVisible()) continue;
        visible.push(await images.nth(i).getAttribute('class') ?? '');
        alt.push(await images.nth(i).getAttribute('alt') ?? '');
    }
    const shown = { body, visible, alt };
    // One image shows: the one for the theme (code-server starts with a dark theme).
    expect(shown.visible).toEqual([/vscode-dark|vscode-high-contrast(?!-light)/.test(shown.body) ? 'archsight-dark' : 'archsight-light']);
    expect(shown.alt).toEqual(['Architecture diagram: Order flow']);
    // The other fenced block is still code.
    expect(await frame.locator('code.language-js').innerText()).toContain('const answer = 1 < 2;');
    await session.current.screenshot('11-markdown-and-task--markdown-preview');
});

test('the archsight task from tasks.json puts its problems into Problems', async () => {
    const { page, workspace } = session.current;
    const everywhere = await waitForStatusBarToMatchCli(page, workspace, 60_000);
    const checked = countProblems(await cliProblems(workspace, [`${FIXTURES_FOLDER}/problems.arch`]));
    expect(checked.errors).toBeGreaterThan(0);
    await mkdir(session.current.path('.vscode'), { recursive: true });
    await writeFile(session.current.path('.vscode/tasks.json'), JSON.stringify({
        version: '2.0.0',
        tasks: [{ type: 'archsight', label: 'check the fixture', files: [`${FIXTURES_FOLDER}/problems.arch`], group: { kind: 'build', isDefault: true } }],
    }, null, 2));
    // VS Code reads tasks.json when it changes; until it has, Run Build Task offers a picker of
    // the provided tasks instead of running the default one: close it and ask again, as a person would.
    const buildPicker = page.locator('.quick-input-widget .quick-input-box input[placeholder="Select the build task to run"]');
    await waitFor('Run Build Task to run the default build task of tasks.json', async () => {
        await page.waitForTimeout(1000);
        await runCommand(page, 'Tasks: Run Build Task');
        await page.waitForTimeout(1500);
        if (!await buildPicker.isVisible().catch(() => false)) return { ok: true, seen: 'the task runs' };
        await page.keyboard.press('Escape');
        return { ok: false, seen: 'a picker of the provided build tasks' };
    }, { timeoutMs: 45_000 });
    // The task's matcher has its own owner: its problems come beside the language server's.
    const expected = { errors: everywhere.errors + checked.errors, warnings: everywhere.warnings + checked.warnings, infos: everywhere.infos + checked.infos };
    await waitFor(`the status bar to count the task's problems too, ${JSON.stringify(expected)}`, async () => {
        const counts = await statusBarCounts(page);
        return { ok: JSON.stringify(counts) === JSON.stringify(expected), seen: JSON.stringify(counts) };
    }, { timeoutMs: 60_000 });
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await session.current.screenshot('11-markdown-and-task--task-problems');
});
