import type { LaidOutDiagram, PlacedNode } from './graph-types.js';

/**
 * How far an edit moved what was already drawn: for each element drawn before and after,
 * the distance between its centres, once as laid out and once after the shift that keeps
 * the view anchored (the median move of all of them, which the preview takes out by
 * keeping its viewport on what the user looked at). Measured by the stability benchmark
 * and test; the preview's anchoring (`extension/webview/view-anchor.ts`) does the same.
 */
export interface LayoutShift {
    /** Elements drawn in both. */
    readonly shared: number;
    /** Of those, how many moved more than `tolerance` px, as laid out and once anchored. */
    readonly moved: number;
    readonly movedAnchored: number;
    /** The median distance moved, as laid out and once anchored. */
    readonly median: number;
    readonly medianAnchored: number;
}

export function layoutShift(before: LaidOutDiagram, after: LaidOutDiagram, tolerance = 5): LayoutShift {
    const centres = (diagram: LaidOutDiagram) => new Map(diagram.nodes
        .filter(n => n.spec.type === 'element')
        .map(n => [n.spec.id, centreOf(n)] as const));
    const old = centres(before);
    const moves: { dx: number; dy: number }[] = [];
    for (const [id, c] of centres(after)) {
        const was = old.get(id);
        if (was) moves.push({ dx: c.x - was.x, dy: c.y - was.y });
    }
    const shiftX = median(moves.map(m => m.dx));
    const shiftY = median(moves.map(m => m.dy));
    const raw = moves.map(m => Math.hypot(m.dx, m.dy));
    const anchored = moves.map(m => Math.hypot(m.dx - shiftX, m.dy - shiftY));
    return {
        shared: moves.length,
        moved: raw.filter(d => d > tolerance).length,
        movedAnchored: anchored.filter(d => d > tolerance).length,
        median: Math.round(median(raw)),
        medianAnchored: Math.round(median(anchored)),
    };
}

function centreOf(node: PlacedNode): { x: number; y: number } {
    return { x: node.x + node.width / 2, y: node.y + node.height / 2 };
}

function median(values: readonly number[]): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
