import type { DiagramFinding } from './diagram-types.js';
import type { Box, PlacedEdge, Point } from './graph-types.js';
import { textWidth } from './measure.js';
import { pointAlong, routeLength } from './point-along.js';
import { escapeXml, num } from './xml.js';

/**
 * A finding drawn as a badge, not only as a coloured outline that fades below 100 %: the
 * worst severity's icon and how many findings the element or relation has, in white on
 * the severity's colour, on the box's top-right corner or in the middle of the edge.
 * Items on the path of a finding elsewhere (a hop of a too-deep chain, a member of a
 * cycle) get a `finding-path` mark instead, so the whole path shows.
 */

export const SEVERITY_ORDER = ['error', 'warning', 'info'] as const;
export const SEVERITY_ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

const BADGE_H = 18;
const BADGE_FONT = { size: 11, bold: true, lineHeight: 14 } as const;

/** The worst severity among findings, if any. */
export function worstSeverity(found: readonly DiagramFinding[] | undefined): DiagramFinding['severity'] | undefined {
    return SEVERITY_ORDER.find(s => found?.some(f => f.severity === s));
}

/** Badge text: the worst severity's icon and the number of findings. */
export function badgeText(found: readonly DiagramFinding[]): string {
    return `${SEVERITY_ICON[worstSeverity(found)!]} ${found.length}`;
}

/** A badge whose top-right corner sits at (`right`, `top`), in the coordinates of the enclosing `<g>`. */
export function drawBadge(found: readonly DiagramFinding[] | undefined, right: number, top: number): string {
    if (!found || found.length === 0) return '';
    const text = badgeText(found);
    const width = Math.ceil(textWidth(text, BADGE_FONT)) + 12;
    const x = right - width;
    return `<g class="finding-badge finding-badge-${worstSeverity(found)}" transform="translate(${num(x)} ${num(top)})">`
        // The body is a group of its own: the preview scales it (CSS) to keep it readable when zoomed out.
        + '<g class="finding-badge-body">'
        + `<rect class="finding-badge-box" width="${width}" height="${BADGE_H}" rx="${BADGE_H / 2}"/>`
        + `<text class="finding-badge-text" x="${num(width / 2)}" y="13">${escapeXml(text)}</text>`
        + '</g></g>';
}

/** A node's badge: over its top-right corner. */
export function nodeBadge(found: readonly DiagramFinding[] | undefined, box: Pick<Box, 'width'>): string {
    return drawBadge(found, box.width + 6, -BADGE_H / 2 - 2);
}

/** An edge's badge: above its label's right end, else on the middle of its route (absolute coordinates). */
export function edgeBadge(found: readonly DiagramFinding[] | undefined, edge: PlacedEdge): string {
    if (!found || found.length === 0) return '';
    if (edge.labelBox) return drawBadge(found, edge.labelBox.x + edge.labelBox.width + 4, edge.labelBox.y - BADGE_H + 2);
    const middle = midpoint(edge.points);
    return drawBadge(found, middle.x + 20, middle.y - BADGE_H / 2);
}

/** The point halfway along a route. */
export function midpoint(points: readonly Point[]): Point {
    return pointAlong(points, routeLength(points) / 2);
}
