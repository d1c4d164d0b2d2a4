import type { Page } from 'playwright-core';
import { waitFor } from './wait.js';

/**
 * Picks `path` in the browser workbench's own file dialog (a quick input, not the system's):
 * waits for the dialog to show a folder, types the path, and presses Enter until the dialog
 * closes. Under load the dialog can still be completing the typed path when the first Enter
 * arrives and keep itself open; a person presses Enter again, and so does this.
 */
export async function pickInFileDialog(page: Page, path: string): Promise<void> {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await waitFor('the file dialog to show a folder path', async () => {
        const value = await input.inputValue().catch(() => '');
        return { ok: value.startsWith('/'), seen: `input '${value}'` };
    });
    await input.fill(path);
    await waitFor(`the file dialog to hold ${path}`, async () => {
        const value = await input.inputValue().catch(() => '');
        if (value === path) return { ok: true, seen: `input '${value}'` };
        // The dialog may still be writing the folder it opened on, in front of the typed path: type it again.
        await input.fill(path);
        return { ok: false, seen: `input '${value}'` };
    });
    let pressedAt = 0;
    await waitFor(`the file dialog to accept ${path}`, async () => {
        const open = await widget.isVisible().catch(() => false);
        if (!open) return { ok: true, seen: 'closed' };
        const value = await input.inputValue().catch(() => '');
        if (Date.now() - pressedAt > 5_000) {
            if (value !== path) await input.fill(path);
            await page.keyboard.press('Enter');
            pressedAt = Date.now();
        }
        const message = await widget.locator('.quick-input-message').innerText().catch(() => '');
        return { ok: false, seen: `dialog open with '${value}'${message ? `, saying '${message}'` : ''}` };
    }, { timeoutMs: 20_000, intervalMs: 250 });
}
