import type { Pane } from './messages.js';

/**
 * The size of the pane the diagram is read in, as the server needs it to choose the level
 * of detail and the direction (`level-of-detail.ts`): the stage less the margin the fit
 * leaves around the drawing. Kept free of the DOM but for `watchPane`, so it can be tested.
 */

/** The margin `fitViewport` leaves on each side of a fitted drawing. */
export const FIT_MARGIN = 16;
/**
 * Room kept for the line above the stage that says which groups are drawn closed: it
 * comes with the diagram the size was asked for, and takes its room from the stage.
 */
export const NOTICE_ROOM = 40;
/** A pane whose width or height changes by more than this share is laid out again. */
export const RELAYOUT_CHANGE = 0.2;
/** Dragging a sash resizes the pane many times a second: only the size it stops at counts. */
export const RESIZE_DEBOUNCE_MS = 300;

/** The pane for a stage of this size; `banners` tells whether lines are above it already. */
export function paneOf(stageWidth: number, stageHeight: number, banners: boolean): Pane | undefined {
    const width = Math.floor(stageWidth - 2 * FIT_MARGIN);
    const height = Math.floor(stageHeight - 2 * FIT_MARGIN - (banners ? 0 : NOTICE_ROOM));
    return width >= 1 && height >= 1 ? { width, height } : undefined;
}

/** Whether the diagram should be laid out again for `next`: the first size, or a change of shape by more than a fifth. */
export function changedMuch(previous: Pane | undefined, next: Pane): boolean {
    if (!previous) return true;
    const ratio = (a: number, b: number) => Math.abs(a - b) / Math.max(a, b);
    return ratio(previous.width, next.width) > RELAYOUT_CHANGE || ratio(previous.height, next.height) > RELAYOUT_CHANGE;
}
