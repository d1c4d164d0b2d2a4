import type { Viewport } from './messages.js';
import { LABEL_PX, MIN_TEXT_PX } from '../../language-server/src/diagram/text-size.js';

/**
 * Zoom and pan arithmetic of the preview, kept free of the DOM so it can be tested.
 * A viewport maps a diagram point p to the screen point p × scale + (x, y).
 */

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;

export function clampScale(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor` keeping the diagram point under the screen point (px, py) where it is. */
export function zoomAround(viewport: Viewport, factor: number, px: number, py: number): Viewport {
    const scale = clampScale(viewport.scale * factor);
    const k = scale / viewport.scale;
    return { scale, x: px - (px - viewport.x) * k, y: py - (py - viewport.y) * k };
}

/** The whole diagram in view, centred, never enlarged beyond 1:1. */
export function fitViewport(width: number, height: number, viewWidth: number, viewHeight: number, margin = 16): Viewport {
    if (width <= 0 || height <= 0 || viewWidth <= 0 || viewHeight <= 0) return { x: margin, y: margin, scale: 1 };
    const scale = clampScale(Math.min(1, (viewWidth - 2 * margin) / width, (viewHeight - 2 * margin) / height));
    return { scale, x: (viewWidth - width * scale) / 2, y: (viewHeight - height * scale) / 2 };
}

/** The zoom at which the diagram's 13 px labels are seen 9 px tall: a view never opens smaller. */
export const READABLE_SCALE = MIN_TEXT_PX / LABEL_PX;

/** A box in diagram coordinates. */
export interface Box {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
}

/**
 * The viewport a drawing opens with: fitted when its labels read fitted into the view;
 * else at READABLE_SCALE with `focus` (the view's subject; the whole drawing without one)
 * in view: centred on each axis where it fits, its start at the margin where it does not
 * (a group larger than the view shows its label and first members), and never panned past
 * the drawing's edges. `fitted` says which (the preview shows that the drawing is larger).
 */
export function openingViewport(width: number, height: number, viewWidth: number, viewHeight: number, focus?: Box, margin = 16): { viewport: Viewport; fitted: boolean } {
    const fitted = fitViewport(width, height, viewWidth, viewHeight, margin);
    if (fitted.scale >= READABLE_SCALE - 1e-9 || width <= 0 || height <= 0 || viewWidth <= 0 || viewHeight <= 0) return { viewport: fitted, fitted: true };
    const scale = READABLE_SCALE;
    const box = focus ?? { left: 0, top: 0, width, height };
    const x = placeAxis(box.left * scale, box.width * scale, width * scale, viewWidth, margin);
    const y = placeAxis(box.top * scale, box.height * scale, height * scale, viewHeight, margin);
    return { viewport: { scale, x, y }, fitted: false };
}

/** The pan on one axis that shows the focus (`start`, `size`, scaled) of a drawing `drawn` long in a view `view` long. */
function placeAxis(start: number, size: number, drawn: number, view: number, margin: number): number {
    if (drawn + 2 * margin <= view) return (view - drawn) / 2;
    const wanted = size + 2 * margin <= view ? view / 2 - (start + size / 2) : margin - start;
    return Math.min(margin, Math.max(view - margin - drawn, wanted));
}

/** Whether the whole drawing is in view (within a pixel): else the preview says that there is more. */
export function showsWhole(viewport: Viewport, width: number, height: number, viewWidth: number, viewHeight: number): boolean {
    const slack = 1;
    return viewport.x >= -slack && viewport.y >= -slack
        && viewport.x + width * viewport.scale <= viewWidth + slack && viewport.y + height * viewport.scale <= viewHeight + slack;
}

/** Actual size, keeping the diagram point at the centre of the view where it is. */
export function actualSize(viewport: Viewport, viewWidth: number, viewHeight: number): Viewport {
    return zoomAround(viewport, 1 / viewport.scale, viewWidth / 2, viewHeight / 2);
}

/**
 * Pans the least needed to bring a box (in screen coordinates) into view, or centres it
 * when it does not fit. Returns the viewport unchanged when the box is already visible.
 */
export function panIntoView(
    viewport: Viewport, box: { left: number; top: number; width: number; height: number }, viewWidth: number, viewHeight: number, margin = 24,
): Viewport {
    const dx = shift(box.left, box.width, viewWidth, margin);
    const dy = shift(box.top, box.height, viewHeight, margin);
    return dx === 0 && dy === 0 ? viewport : { ...viewport, x: viewport.x + dx, y: viewport.y + dy };
}

function shift(start: number, size: number, view: number, margin: number): number {
    if (size + 2 * margin > view) return view / 2 - (start + size / 2);
    if (start < margin) return margin - start;
    if (start + size > view - margin) return view - margin - (start + size);
    return 0;
}

/** Whether a saved viewport is usable (it came back from `getState`, which anyone could have written). */
export function isViewport(value: unknown): value is Viewport {
    if (typeof value !== 'object' || value === null) return false;
    const { x, y, scale } = value as Record<string, unknown>;
    return [x, y, scale].every(n => typeof n === 'number' && Number.isFinite(n)) && (scale as number) >= MIN_SCALE && (scale as number) <= MAX_SCALE;
}

/**
 * Centres a box (in stage coordinates) in the view, zooming in to `readable` when the
 * drawing is shown smaller than that (a search match must be seen, not only found).
 */
export function centreOn(
    viewport: Viewport, box: { left: number; top: number; width: number; height: number }, viewWidth: number, viewHeight: number, readable = 0.75,
): Viewport {
    const cx = viewWidth / 2;
    const cy = viewHeight / 2;
    const centred = { ...viewport, x: viewport.x + cx - (box.left + box.width / 2), y: viewport.y + cy - (box.top + box.height / 2) };
    return viewport.scale < readable ? zoomAround(centred, readable / viewport.scale, cx, cy) : centred;
}
