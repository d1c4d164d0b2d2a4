import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { goTo, type } from './harness/editor.js';
import { bannerTexts, previewFrame } from './harness/preview.js';
import { useSession } from './harness/session.js';
import { requireLine } from './harness/source.js';
import { waitFor } from './harness/wait.js';
import { openFile, runCommand } from './harness/workbench.js';

// Scenario 11: a person edits an architecture that is in git and switches the live
// preview to "Changes since HEAD": what they add is drawn green and what they change
// outlined, as they type; switched off, the preview is the plain drawing again.
const session = useSession('11-changes-since-head');

/** A small architecture of its own, so that the layout is quick on a busy machine. */
const SAMPLE = 'changes-since-head.arch';
const COMMITTED = `architecture "Shop" {
  gateway edge "API gateway" : kong
  service orders "Order service" : go
  service payments "Payment service" : java
  database ordersDb : postgres
  edge -> orders : rest { timeout 2s }
  orders -> payments : grpc { timeout 1s }
  orders -> ordersDb
}
`;
const DIAGRAM = '#viewport > svg.archsight-diagram';

/** `id change` of every node and edge the preview marks, sorted. */
async function marks(frame: Frame): Promise<string[]> {
    const marked = await frame.locator(`${DIAGRAM} g[data-id][class*="change-"]`).evaluateAll(nodes => nodes
        .filter(n => !(n.getAttribute('class') ?? '').includes('legend'))
        .map(n => `${n.getAttribute('data-id')} ${/change-(added|removed|changed)/.exec(n.getAttribute('class') ?? '')?.[1]}`));
    return marked.sort();
}

/** Clicks the toolbar button where a person would: Playwright's element click refuses targets inside webviews. */
async function clickSinceHead(page: Page, frame: Frame): Promise<void> {
    const box = await frame.locator('#since-head').boundingBox();
    if (!box) throw new Error('The preview has no "Changes since HEAD" button on screen.');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('the preview marks the changes since HEAD while the file is edited, and stops when switched off', async () => {
    const { page, workspace } = session.current;
    const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
    writeFileSync(path.join(workspace, SAMPLE), COMMITTED);
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'samples']]) execFileSync('git', args, { cwd: workspace, env });

    const text = COMMITTED;
    await openFile(page, SAMPLE);
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page, 120_000);
    expect(await frame.locator('#since-head').getAttribute('aria-pressed')).toBe('false');

    await clickSinceHead(page, frame);
    await waitFor('the preview to compare with HEAD: nothing changed yet', async () => {
        const banners = await bannerTexts(frame);
        return { ok: banners.some(b => b.startsWith('Changes since HEAD: no changes to the architecture')), seen: `banners ${JSON.stringify(banners)}` };
    }, { timeoutMs: 120_000 });
    expect(await frame.locator('#since-head').getAttribute('aria-pressed')).toBe('true');
    expect(await marks(frame)).toEqual([]);

    // Relabel a service and add a cache on a line of its own: one changed, one added.
    const labelled = requireLine(text, /^\s*service (payments) "([^"]+)"/, 'a service with a label', 2);
    const [, id, label] = labelled.match;
    await page.keyboard.press('Control+1'); // back to the editor from the preview's toolbar
    await goTo(page, labelled.line, labelled.column);
    for (let i = 0; i < label.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await type(page, 'Relabelled since HEAD');
    const call = requireLine(text, /^\s*orders -> payments .*$/, 'a call from orders');
    await goTo(page, call.line, call.match[0].length + 1);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('cache sinceHeadCache : redis');
    await waitFor(`the preview to mark '${id}' changed and 'sinceHeadCache' added`, async () => {
        const marked = await marks(frame);
        return { ok: marked.includes(`${id} changed`) && marked.includes('sinceHeadCache added'), seen: `marks ${JSON.stringify(marked)}` };
    }, { timeoutMs: 120_000 });
    expect(await marks(frame)).toEqual([`${id} changed`, 'sinceHeadCache added']);
    const banners = await bannerTexts(frame);
    expect(banners.find(b => b.startsWith('Changes since HEAD:'))).toMatch(/^Changes since HEAD: 1 added, 1 changed;/);
    expect(await frame.locator(`${DIAGRAM} .legend-change`).count(), 'the legend explains the marks').toBeGreaterThan(0);
    await session.current.screenshot('11-changes-since-head--marked');

    // Switched off: the same edits, no marks, no summary.
    await clickSinceHead(page, frame);
    await waitFor('the marks to go when the switch is off', async () => {
        const marked = await marks(frame);
        const texts = await bannerTexts(frame);
        return { ok: marked.length === 0 && !texts.some(b => b.startsWith('Changes since HEAD')), seen: `marks ${JSON.stringify(marked)}, banners ${JSON.stringify(texts)}` };
    }, { timeoutMs: 120_000 });
    expect(await frame.locator(`${DIAGRAM} g.node[data-id="sinceHeadCache"]`).count(), 'the new cache is still drawn').toBe(1);
    await session.current.screenshot('11-changes-since-head--off');
}, 300_000);
