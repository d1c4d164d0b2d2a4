import { basename } from 'node:path';
import type { Page } from 'playwright-core';
import { waitFor } from './wait.js';

/** Waits until the workbench has rendered its parts and shows the workspace folder. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs });
}

/** Opens a workspace file the way a person does: Quick Open (Ctrl+P), its path, Enter. */
export async function openFile(page: Page, path: string): Promise<void> {
    const name = basename(path);
    await page.keyboard.press('Control+P');
    await quickInputOpen(page);
    await page.keyboard.type(path);
    const isWanted = (label: string | undefined) => label !== undefined && (label.startsWith(`${name} `) || label.startsWith(`${name},`));
    await waitFor(`Quick Open to offer '${path}' and focus it`, async () => {
        const focused = await focusedQuickInputRow(page);
        if (isWanted(focused)) return { ok: true, seen: `focused '${focused}'` };
        // Quick Open may rank another file first ('evolution/3-microservices.arch' for
        // 'microservices.arch'): move the focus down to the row that is the file asked for.
        const labels = await page.locator('.quick-input-list .monaco-list-row').evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? ''));
        if (labels.some(isWanted)) await page.keyboard.press('ArrowDown');
        return { ok: false, seen: focused ? `focused '${focused}' among ${labels.length} result(s)` : 'no results' };
    }, { timeoutMs: 30_000 }); // The first search of a window waits for the extension host.
    await page.keyboard.press('Enter');
    await waitFor(`an editor tab for '${name}' to be active`, async () => {
        const active = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => null);
        const ok = active?.startsWith(name) === true && await page.locator('.editor-group-container.active .monaco-editor .view-lines').count() > 0;
        return { ok, seen: active ? `active tab '${active}'` : 'no active tab' };
    });
}

/**
 * Runs a command from the Command Palette (F1) by its title, e.g. 'Format Document'. With `opensPicker`, the command asks for more in
 * a quick pick of its own (Tasks: Run Task): it waits for that picker instead of for the
 * palette to close.
 */
export async function runCommand(page: Page, title: string, options: { readonly opensPicker?: boolean } = {}): Promise<void> {
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // F1 from inside a webview (a preview with the focus) can be lost: press it again, as a person would.
    await waitFor('the Command Palette to open', async () => {
        if (await input.isVisible()) return { ok: true, seen: 'open' };
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
        return { ok: await input.isVisible(), seen: 'it is closed' };
    }, { timeoutMs: 15_000 });
    // Typed into the palette's own input: keys typed while the focus is still on its way there are lost.
    await input.fill(`>${title}`);
    // The palette sorts fuzzy matches its own way: pick the row whose title is exactly `title`.
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    let asked = 0;
    let askedAt = Date.now();
    await waitFor(`the Command Palette to offer '${title}'`, async () => {
        if (await row.count() > 0) return { ok: true, seen: 'offered' };
        const labels = (await page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts()).map(l => `'${l.trim()}'`);
        // A palette opened before the extensions' contributions arrived lists what the window had then:
        // type the query again (one letter short, then whole), so that it looks again.
        if (Date.now() - askedAt > 2_000) {
            await input.fill(++asked % 2 ? `>${title.slice(0, -1)}` : `>${title}`);
            askedAt = Date.now();
        }
        return { ok: false, seen: labels.length ? `commands ${labels.join(', ')}` : 'no commands' };
    }, { timeoutMs: 30_000 });
    if ((await row.getAttribute('class'))?.includes('focused')) await page.keyboard.press('Enter');
    else await row.click();
    if (options.opensPicker) {
        await waitFor(`'${title}' to open its own picker`, async () => {
            const value = await input.inputValue().catch(() => '');
            return { ok: await input.isVisible() && !value.startsWith('>'), seen: `the input holds '${value}'` };
        });
        return;
    }
    await waitFor(`the Command Palette to close after '${title}'`, async () => {
        const visible = await page.locator('.quick-input-widget').isVisible();
        return { ok: !visible, seen: 'it is still open' };
    });
}

/** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
export async function save(page: Page): Promise<void> {
    await page.keyboard.press('Control+S');
    await waitFor('the active editor to be saved', async () => {
        const dirty = await page.locator('.tabs-container .tab.active.dirty').count();
        return { ok: dirty === 0, seen: 'its tab still shows unsaved changes' };
    });
}

/** Saves every dirty editor, including files that a rename changed without opening them. */
export async function saveAll(page: Page): Promise<void> {
    await runCommand(page, 'File: Save All Files');
    await waitFor('no editor to have unsaved changes', async () => {
        const dirty = await page.locator('.tabs-container .tab.dirty').count();
        return { ok: dirty === 0, seen: `${dirty} dirty tab(s)` };
    });
}

async function quickInputOpen(page: Page): Promise<void> {
    await waitFor('the quick input box to open', async () => ({
        ok: await page.locator('.quick-input-widget .quick-input-box input').isVisible(),
        seen: 'it is closed',
    }));
}

async function focusedQuickInputRow(page: Page): Promise<string | undefined> {
    const row = page.locator('.quick-input-list .monaco-list-row.focused').first();
    return (await row.count()) > 0 ? (await row.getAttribute('aria-label')) ?? undefined : undefined;
}
