import type { Viewport } from './messages.js';

/**
 * The view does not jump when the diagram is drawn again after an edit: the element
 * nearest the centre of the view stays where it was on the screen, whatever the layout
 * did to the coordinates around it (a new element on the left moves everything right).
 * Kept free of the DOM so it can be tested; `placesIn` reads a drawn SVG.
 */

export type Places = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

/** Where each element's box starts, in diagram coordinates, from its `translate(x y)`. */
export function placesOf(nodes: Iterable<{ readonly id: string | null; readonly transform: string | null }>): Map<string, { x: number; y: number }> {
    const places = new Map<string, { x: number; y: number }>();
    for (const { id, transform } of nodes) {
        const match = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(transform ?? '');
        if (id && match) places.set(id, { x: Number(match[1]), y: Number(match[2]) });
    }
    return places;
}

/** What `placesIn` reads of an SVG element (typed here: the tests compile without the DOM's types). */
interface DrawnSvg {
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

/** The elements of a drawn diagram and where they are. */
export function placesIn(svg: DrawnSvg): Map<string, { x: number; y: number }> {
    return placesOf(Array.from(svg.querySelectorAll('g.node[data-id]'), g => ({ id: g.getAttribute('data-id'), transform: g.getAttribute('transform') })));
}

/**
 * The viewport that shows the new drawing with the element that was nearest the centre of
 * the view (in `before`) at the same place on the screen; unchanged when no element is in both.
 */
export function anchoredViewport(viewport: Viewport, before: Places, after: Places, viewWidth: number, viewHeight: number): Viewport {
    const cx = (viewWidth / 2 - viewport.x) / viewport.scale;
    const cy = (viewHeight / 2 - viewport.y) / viewport.scale;
    let anchor: string | undefined;
    let nearest = Infinity;
    for (const [id, p] of before) {
        if (!after.has(id)) continue;
        const distance = Math.hypot(p.x - cx, p.y - cy);
        if (distance < nearest) {
            nearest = distance;
            anchor = id;
        }
    }
    if (anchor === undefined) return viewport;
    const was = before.get(anchor)!;
    const now = after.get(anchor)!;
    if (was.x === now.x && was.y === now.y) return viewport;
    return { ...viewport, x: viewport.x + (was.x - now.x) * viewport.scale, y: viewport.y + (was.y - now.y) * viewport.scale };
}
