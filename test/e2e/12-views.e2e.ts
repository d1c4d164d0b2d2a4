import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { bannerTexts, drawnNodeIds, openEveryGroup, previewFrame } from './harness/preview.js';
import { useSession } from './harness/session.js';
import { waitFor } from './harness/wait.js';
import { FIXTURES_FOLDER } from './harness/workspace.js';
import { openFile, runCommand, waitForWorkbench } from './harness/workbench.js';

// Scenario 12: a person reads an architecture by its views. They pick the file's view of
// the payments domain in the preview's toolbar, zoom into it, look at everything and come
// back to find the view as they left it; they pick the checkout flow and ask for its
// sequence diagram (here the picker's part: what the server draws for a flow is tested with the drawing); they search the diagram for 'pci' and step through the matches with
// Enter; they click a runbook link on a box (VS Code asks before opening the website) and
// the link to a file beside the model (it opens in the editor); after a reload the preview
// shows the view they picked. (Double-clicks that open groups are scenarios 07 and 08.)
const session = useSession('12-views');

const FILE = `${FIXTURES_FOLDER}/views.arch`;
const DIAGRAM = '#viewport > svg.archsight-diagram';
const EVERYTHING = ['edge', 'events', 'orders', 'ordersDb', 'pay', 'payDb', 'web'];

async function waitForNodes(frame: Frame, expected: readonly string[], what: string): Promise<void> {
    await waitFor(what, async () => {
        const drawn = await drawnNodeIds(frame);
        return { ok: drawn.join() === [...expected].sort().join(), seen: `nodes ${drawn.join(', ')}` };
    }, { timeoutMs: 20_000 });
}

async function zoomLevel(frame: Frame): Promise<string> {
    return (await frame.locator('#zoom-level').textContent()) ?? '';
}

/** Clicks the middle of something in the preview with the mouse, as a person does (element clicks refuse targets in webviews). */
async function clickIn(page: Page, frame: Frame, selector: string): Promise<void> {
    const box = await frame.locator(selector).first().boundingBox();
    if (!box) throw new Error(`The preview shows no '${selector}'.`);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test('the view picker lists the file\'s views and flows; each view keeps its own zoom', async () => {
    const { page } = session.current;
    await openFile(page, FILE);
    await runCommand(page, 'Archsight: Open Preview to the Side');
    const frame = await previewFrame(page);
    await openEveryGroup(page, frame);
    await waitForNodes(frame, EVERYTHING, 'every element of views.arch');

    const offered = await frame.locator('#view option').evaluateAll(options => options.map(o => `${o.getAttribute('value')}=${o.textContent}`));
    expect(offered).toEqual([
        'all=Everything', 'calls=Calls only', 'messaging=Messaging only', 'observability=Observability only',
        'view:money=Money', 'flow:checkout=Place an order',
    ]);
    expect(await frame.locator('#view optgroup').evaluateAll(groups => groups.map(g => g.getAttribute('label')))).toEqual(['Filters', 'Views', 'Flows']);

    await frame.locator('#view').selectOption('view:money');
    await waitForNodes(frame, ['pay', 'payDb'], "the view 'Money': the members of payments");
    expect((await bannerTexts(frame)).some(b => b.startsWith("View 'Money'")), 'the banner names the view').toBe(true);
    await clickIn(page, frame, '#zoom-in');
    await clickIn(page, frame, '#zoom-in');
    const moneyZoom = await zoomLevel(frame);
    await session.current.screenshot('12-views--view-money-zoomed');

    await frame.locator('#view').selectOption('all');
    await waitForNodes(frame, EVERYTHING, 'everything again');
    await waitFor('everything fitted to the pane, not at the zoom of the view', async () => {
        const zoom = await zoomLevel(frame);
        return { ok: zoom !== moneyZoom, seen: `zoom ${zoom}` };
    });
    await frame.locator('#view').selectOption('view:money');
    await waitForNodes(frame, ['pay', 'payDb'], "the view 'Money' again");
    await waitFor(`the view 'Money' at the zoom it was left at (${moneyZoom})`, async () => {
        const zoom = await zoomLevel(frame);
        return { ok: zoom === moneyZoom, seen: `zoom ${zoom}` };
    });
});

test('a flow is picked, and its Sequence toggle asks for the sequence diagram and back (the drawing of flows is checked where it is made)', async () => {
    const { page } = session.current;
    const frame = await previewFrame(page);
    expect(await frame.locator('#sequence').isVisible(), 'no sequence toggle without a flow').toBe(false);
    await frame.locator('#view').selectOption('flow:checkout');
    await waitFor('the flow picked and its sequence toggle shown', async () => {
        const [value, toggle] = [await frame.locator('#view').inputValue(), await frame.locator('#sequence').isVisible()];
        return { ok: value === 'flow:checkout' && toggle, seen: `picker '${value}', toggle ${toggle ? 'shown' : 'hidden'}` };
    });
    await clickIn(page, frame, '#sequence');
    await waitFor('the sequence diagram asked for: the toggle pressed once the answer is shown', async () => {
        const [pressed, busy] = [await frame.locator('#sequence').getAttribute('aria-pressed'), await frame.locator('#stage').getAttribute('aria-busy')];
        return { ok: pressed === 'true' && busy !== 'true', seen: `aria-pressed ${pressed}, busy ${busy}` };
    });
    await session.current.screenshot('12-views--flow-sequence');
    await frame.locator('#view').selectOption('all');
    await waitFor('the sequence toggle hidden again for a filter', async () => ({ ok: !(await frame.locator('#sequence').isVisible()), seen: 'still shown' }));
});

test('Ctrl+F searches by tag; Enter centres one match after the other; Escape closes', async () => {
    const { page } = session.current;
    const frame = await previewFrame(page);
    await waitForNodes(frame, EVERYTHING, 'everything');
    // The keys go to the preview once it has the focus.
    await clickIn(page, frame, '#zoom-level');
    await page.keyboard.press('Control+F');
    await waitFor('the search box open with the focus in it', async () => {
        const focused = await frame.locator('#search-input').evaluate(input => input.ownerDocument.activeElement === input).catch(() => false);
        return { ok: await frame.locator('#search-input').isVisible() && focused, seen: focused ? 'not visible' : 'no focus in the input' };
    });
    await page.keyboard.type('PCI');
    await waitFor('three matches for pci: pay, payDb and the payments group', async () => {
        const [count, marked] = [await frame.locator('#search-count').textContent(), await frame.locator(`${DIAGRAM} .search-match`).evaluateAll(m => m.map(e => e.getAttribute('data-id')).sort())];
        return { ok: count === '3 matches' && marked.join() === 'pay,payDb,payments', seen: `'${count}', marked ${marked.join(', ')}` };
    });
    for (const expected of ['1 of 3', '2 of 3']) {
        await page.keyboard.press('Enter');
        await waitFor(`'${expected}' and the current match in the middle of the stage`, async () => {
            const count = await frame.locator('#search-count').textContent();
            const current = frame.locator(`${DIAGRAM} .search-current`);
            const [box, stage] = [await current.first().boundingBox(), await frame.locator('#stage').boundingBox()];
            const off = box && stage ? Math.hypot(box.x + box.width / 2 - (stage.x + stage.width / 2), box.y + box.height / 2 - (stage.y + stage.height / 2)) : Infinity;
            return { ok: count === expected && await current.count() === 1 && off < 2, seen: `'${count}', ${await current.count()} current, ${off.toFixed(1)} px from the middle` };
        });
    }
    await session.current.screenshot('12-views--search');
    await page.keyboard.press('Shift+Enter');
    await waitFor("Shift+Enter back to '1 of 3'", async () => ({ ok: await frame.locator('#search-count').textContent() === '1 of 3', seen: `${await frame.locator('#search-count').textContent()}` }));
    await page.keyboard.press('Escape');
    await waitFor('the search closed and nothing marked', async () => {
        const [open, marked] = [await frame.locator('#search-input').isVisible(), await frame.locator(`${DIAGRAM} .search-match`).count()];
        return { ok: !open && marked === 0, seen: `${open ? 'open' : 'closed'}, ${marked} marked` };
    });
});

test('a web link on a box asks before it opens; a link to a file opens it in the editor', async () => {
    const { page } = session.current;
    const frame = await previewFrame(page);
    await clickIn(page, frame, `${DIAGRAM} g.node[data-id="pay"] a.link`);
    const dialog = page.locator('.monaco-dialog-box');
    const message = await waitFor("VS Code's dialog asking whether to open the website", async () => {
        const text = await dialog.innerText().catch(() => '');
        return { ok: /open the external website/i.test(text) && text.includes('runbooks.example.com'), seen: text ? `dialog '${text.replace(/\s+/g, ' ')}'` : 'no dialog', value: text };
    });
    expect(message).toContain('https://runbooks.example.com/pay');
    expect(page.url(), 'the workbench did not navigate').not.toContain('runbooks.example.com');
    expect(await frame.locator(DIAGRAM).count(), 'the webview still shows the diagram').toBe(1);
    await session.current.screenshot('12-views--link-confirm');
    // Cancel: no browser opens.
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await waitFor('the dialog closed', async () => ({ ok: await dialog.count() === 0 || !(await dialog.isVisible()), seen: 'still open' }));

    await clickIn(page, frame, `${DIAGRAM} g.node[data-id="orders"] a.link`);
    await waitFor("the runbook beside the model open in an editor: 'views-runbook.md'", async () => {
        const active = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => null);
        return { ok: active?.startsWith('views-runbook.md') === true, seen: `active tab '${active}'` };
    });
    await session.current.screenshot('12-views--link-file');
});

test('"Archsight: Show View…" opens the preview on a flow, asking for its sequence diagram', async () => {
    const { page } = session.current;
    await openFile(page, FILE);
    await runCommand(page, 'Archsight: Show View…', { opensPicker: true });
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('sequence');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Place an order: sequence diagram' }).first();
    await waitFor("the quick pick to offer 'Place an order: sequence diagram'", async () => {
        const rows = await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
        return { ok: await row.count() > 0, seen: `rows ${rows.join(', ')}` };
    });
    await row.click();
    const frame = await previewFrame(page);
    await waitFor('the preview on the flow, with the sequence diagram asked for', async () => {
        const [value, pressed] = [await frame.locator('#view').inputValue(), await frame.locator('#sequence').getAttribute('aria-pressed')];
        return { ok: value === 'flow:checkout' && pressed === 'true', seen: `picker '${value}', sequence ${pressed}` };
    });
    await session.current.screenshot('12-views--show-view-command');
});

test('after a window reload the preview shows the view it showed', async () => {
    const { page } = session.current;
    const frame = await previewFrame(page);
    await frame.locator('#view').selectOption('view:money');
    await waitForNodes(frame, ['pay', 'payDb'], "the view 'Money'");
    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    const restored = await previewFrame(page, 60_000);
    await waitFor("the restored preview on the view 'Money'", async () => {
        const [value, drawn] = [await restored.locator('#view').inputValue(), await drawnNodeIds(restored)];
        return { ok: value === 'view:money' && drawn.join() === 'pay,payDb', seen: `picker '${value}', nodes ${drawn.join(', ')}` };
    }, { timeoutMs: 30_000 });
    await session.current.screenshot('12-views--reloaded');
});
