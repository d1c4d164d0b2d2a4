import { execFileSync } from 'node:child_process';
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cursorPosition, goTo, type } from './harness/editor.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile } from './harness/workbench.js';

// Scenario 9: a person changes an architecture and, before committing, compares it with
// HEAD. The diff diagram opens beside the file with its legend and the list of changes;
// clicking a change takes them to it in the editor, and the comparison follows their edits.
const session = useSession('09-compare');

const SAMPLE = 'microservices.arch';

async function compareFrame(page: Page): Promise<Frame> {
    return waitFor('the compare view to show a diagram and a list of changes', async () => {
        for (const frame of page.frames()) {
            const found = await frame.locator('.compare-diagram svg.archsight-diagram').count().catch(() => 0);
            if (found > 0) return { ok: true, seen: 'the compare view', value: frame };
        }
        return { ok: false, seen: `no compare view in any of ${page.frames().length} frames` };
    }, { timeoutMs: 60_000 });
}

test('Compare Architecture with… HEAD shows the unsaved change on the diagram and in the list; a click reveals it', async () => {
    const { page, workspace } = session.current;
    const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'samples']]) execFileSync('git', args, { cwd: workspace, env });

    const text = await session.current.read(SAMPLE);
    const labelled = requireLine(text, /^\s*service (\w+) "([^"]+)"/, 'a service with a label', 2);
    const [, id, label] = labelled.match;
    await openFile(page, SAMPLE);
    await goTo(page, labelled.line, labelled.column);
    for (let i = 0; i < label.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await type(page, 'Renamed in the editor');

    // The command asks what to compare with in a quick pick of its own: the palette's helper,
    // which waits for the palette to close, does not fit; the steps are the same.
    await page.keyboard.press('F1');
    await page.keyboard.type('Archsight: Compare Architecture with');
    const command = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^\s*Archsight: Compare Architecture with…\s*$/ }) }).first();
    await waitFor('the Command Palette to offer the compare command', async () => ({ ok: await command.count() > 0, seen: 'not offered' }));
    await command.click();
    const head = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^\s*HEAD\s*$/ }) }).first();
    await waitFor('the choice of what to compare with, HEAD first', async () => ({ ok: await head.count() > 0, seen: 'no HEAD choice' }));
    await head.click();
    const frame = await compareFrame(page);
    await session.current.screenshot('09-compare--opened');

    const changed = await frame.locator(`.compare-diagram g.node.change-changed[data-id="${id}"]`).count();
    expect(changed, `the node '${id}' is marked changed`).toBe(1);
    expect(await frame.locator('.compare-diagram .legend-change').count(), 'the legend explains the marks').toBeGreaterThan(0);
    const entry = frame.locator('.compare-entry', { hasText: `service ${id}` }).first();
    expect(await entry.innerText()).toContain(`label ${label} → Renamed in the editor`);

    // Move the cursor away, then click the change.
    await page.keyboard.press('Control+Home');
    const box = await entry.boundingBox();
    if (!box) throw new Error('The change entry is not on screen.');
    await page.mouse.click(box.x + 10, box.y + box.height / 2);
    await waitFor(`the editor to reveal line ${labelled.line}`, async () => {
        const at = await cursorPosition(page);
        return { ok: at?.startsWith(`Ln ${labelled.line},`) === true, seen: at ?? 'no cursor position' };
    });
    await session.current.screenshot('09-compare--revealed');

    // Editing on: the comparison follows the edits, still against HEAD.
    await goTo(page, labelled.line, labelled.column);
    for (let i = 0; i < 'Renamed in the editor'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await type(page, 'Edited again');
    const followed = await waitFor('the compare view to follow the edit', async () => {
        for (const f of page.frames()) {
            const text = await f.locator('.compare-entry').allInnerTexts().catch(() => [] as string[]);
            if (text.some(t => t.includes(`label ${label} → Edited again`))) return { ok: true, seen: 'the new label', value: f };
        }
        return { ok: false, seen: 'the old entries' };
    }, { timeoutMs: 30_000 });
    expect(await followed.locator(`.compare-diagram g.node.change-changed[data-id="${id}"]`).count()).toBe(1);
});
