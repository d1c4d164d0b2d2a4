import type { Pane } from './messages.js';
import { changedMuch, paneOf, RESIZE_DEBOUNCE_MS } from './pane-size.js';

/**
 * Calls `send` with the stage's pane as soon as the stage has a size (the script runs
 * before the page is laid out), then, after the resizing stops, whenever the shape
 * changed much since the size last sent.
 */
export function watchPane(stage: HTMLElement, hasBanners: () => boolean, send: (pane: Pane) => void): void {
    let sent: Pane | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
        const pane = paneOf(stage.clientWidth, stage.clientHeight, hasBanners());
        if (!pane || !changedMuch(sent, pane)) return;
        sent = pane;
        send(pane);
    };
    new ResizeObserver(() => {
        clearTimeout(timer);
        if (sent) timer = setTimeout(check, RESIZE_DEBOUNCE_MS);
        else check();
    }).observe(stage);
}
