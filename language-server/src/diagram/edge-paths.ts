import type { RelationKind } from '../model/model-types.js';
import type { Point } from './graph-types.js';
import { num } from './xml.js';

/**
 * The geometry of a drawn edge: an orthogonal route with softly rounded corners, and an
 * arrow head whose style says what kind of link it is.
 */

const CORNER = 6;
const ARROW_LENGTH = 9;
const ARROW_HALF_WIDTH = 4.5;

/** An SVG path through `points` that rounds each bend by up to `CORNER` pixels. */
export function routePath(points: readonly Point[]): string {
    const pts = dedupe(points);
    if (pts.length === 0) return '';
    let d = `M${num(pts[0].x)} ${num(pts[0].y)}`;
    for (let i = 1; i < pts.length - 1; i++) {
        const [prev, at, next] = [pts[i - 1], pts[i], pts[i + 1]];
        const r = Math.min(CORNER, distance(prev, at) / 2, distance(at, next) / 2);
        const a = towards(at, prev, r);
        const b = towards(at, next, r);
        d += `L${num(a.x)} ${num(a.y)}Q${num(at.x)} ${num(at.y)} ${num(b.x)} ${num(b.y)}`;
    }
    const last = pts[pts.length - 1];
    return d + `L${num(last.x)} ${num(last.y)}`;
}

/**
 * The arrow head at the end of the route: filled for a call, open for a message or
 * trigger, a small filled one for an observability signal.
 */
export function arrowHead(kind: RelationKind, points: readonly Point[]): string {
    const pts = dedupe(points);
    if (pts.length < 2) return '';
    const tip = pts[pts.length - 1];
    const from = pts[pts.length - 2];
    const length = kind === 'observe' ? 7 : ARROW_LENGTH;
    const half = kind === 'observe' ? 3.5 : ARROW_HALF_WIDTH;
    const d = distance(from, tip) || 1;
    const ux = (tip.x - from.x) / d;
    const uy = (tip.y - from.y) / d;
    const base = { x: tip.x - ux * length, y: tip.y - uy * length };
    const left = { x: base.x - uy * half, y: base.y + ux * half };
    const right = { x: base.x + uy * half, y: base.y - ux * half };
    const open = kind === 'async' || kind === 'trigger';
    const path = `M${num(left.x)} ${num(left.y)}L${num(tip.x)} ${num(tip.y)}L${num(right.x)} ${num(right.y)}${open ? '' : 'Z'}`;
    return `<path class="edge-arrow${open ? ' open' : ''}" d="${path}"/>`;
}

function dedupe(points: readonly Point[]): Point[] {
    return points.filter((p, i) => i === 0 || distance(p, points[i - 1]) > 0.01);
}

function distance(a: Point, b: Point): number {
    // Not Math.hypot: it is several times slower, and a large diagram measures thousands of segments.
    const dx = a.x - b.x;
    const dy = a.y - b.y;
    return Math.sqrt(dx * dx + dy * dy);
}

function towards(from: Point, to: Point, by: number): Point {
    const d = distance(from, to) || 1;
    return { x: from.x + (to.x - from.x) * by / d, y: from.y + (to.y - from.y) * by / d };
}
