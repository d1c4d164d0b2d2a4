import type { Point } from './graph-types.js';

/** The length of a route through `points`. */
export function routeLength(points: readonly Point[]): number {
    return points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);
}

/** The point `distance` along a route from its first point; past its end, or on a route without length, the first point. */
export function pointAlong(points: readonly Point[], distance: number): Point {
    let rest = distance;
    for (let i = 0; i + 1 < points.length; i++) {
        const length = Math.hypot(points[i + 1].x - points[i].x, points[i + 1].y - points[i].y);
        if (rest <= length && length > 0) {
            const t = rest / length;
            return { x: points[i].x + t * (points[i + 1].x - points[i].x), y: points[i].y + t * (points[i + 1].y - points[i].y) };
        }
        rest -= length;
    }
    return points[0] ?? { x: 0, y: 0 };
}
