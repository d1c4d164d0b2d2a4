import type { Box, PlacedEdge, PlacedNode, Point } from '../diagram/graph-types.js';
import { textWidth } from '../diagram/measure.js';
import { pointAlong, routeLength } from '../diagram/point-along.js';
import { escapeXml, num } from '../diagram/xml.js';
import type { FlowMarks, StepMark } from './flow-marks.js';

/**
 * A flow on the architecture diagram: its steps' edges are marked `flow-step` and carry a
 * badge with their numbers near where they start (the label sits in the middle, a finding
 * badge by the label); what the flow does not pass through is `flow-dimmed`.
 */

const BADGE_H = 18;
const BADGE_FONT = { size: 11, bold: true } as const;
/** How far along its route from the source a step's badge sits. */
const BADGE_OFFSET = 26;

/** The classes of a node or group: dimmed unless the flow passes through or inside it. */
export function flowNodeClasses(id: string, marks: FlowMarks | undefined): string[] {
    // A mesh's data plane (`dataplane:<mesh>`) is part of the flow when its mesh is.
    const own = id.startsWith('dataplane:') ? id.slice('dataplane:'.length) : id;
    return marks && !marks.inFlow.has(own) ? ['flow-dimmed'] : [];
}

/** The steps an edge stands for: its own relation's, or those of the relations it bundles. */
export function stepsOf(edge: PlacedEdge, marks: FlowMarks | undefined): StepMark[] {
    if (!marks) return [];
    return (edge.spec.relationIds ?? [edge.spec.id]).flatMap(id => marks.steps.get(id) ?? []);
}

export function flowEdgeClasses(edge: PlacedEdge, marks: FlowMarks | undefined): string[] {
    if (!marks) return [];
    const steps = stepsOf(edge, marks);
    if (steps.length === 0) return ['flow-dimmed'];
    return ['flow-step', ...(steps.every(s => s.optional) ? ['flow-optional'] : []), ...(steps.some(s => s.awaited) ? ['flow-awaited'] : [])];
}

/**
 * The badges of every step edge (absolute coordinates). Each sits by its label's left or
 * right end, else near the start of its route; where it would cover a badge already
 * placed (routes leave a busy element side by side), an element or another label, it moves
 * further along its route.
 */
export function flowBadges(edges: readonly PlacedEdge[], marks: FlowMarks | undefined, nodes: readonly PlacedNode[] = []): string {
    const placed: Box[] = nodes.filter(n => n.spec.type === 'element').map(n => ({ x: n.x, y: n.y, width: n.width, height: n.height }));
    const labels = edges.flatMap(e => (e.labelBox ? [{ edge: e, box: e.labelBox }] : []));
    return edges.map(edge => {
        const steps = stepsOf(edge, marks);
        if (steps.length === 0) return '';
        const text = steps.map(s => `${s.number}${s.awaited ? ' ↩' : ''}`).join(', ');
        const width = Math.max(BADGE_H, textWidth(text, BADGE_FONT) + 10);
        const boxAt = (p: Point): Box => ({ x: p.x - width / 2, y: p.y - BADGE_H / 2, width, height: BADGE_H });
        const label = edge.labelBox;
        const candidates = [
            ...(label ? [boxAt({ x: label.x - width / 2 + 2, y: label.y + BADGE_H / 2 }), boxAt({ x: label.x + label.width + width / 2 - 2, y: label.y + BADGE_H / 2 })] : []),
            ...[1, 2, 3, 4, 5, 6].map(k => boxAt(alongRoute(edge.points, BADGE_OFFSET * k))),
        ];
        const others = labels.filter(l => l.edge !== edge).map(l => l.box);
        const box = candidates.find(c => !placed.some(p => meets(p, c)) && !others.some(o => meets(o, c)))
            ?? candidates.find(c => !placed.some(p => meets(p, c))) ?? candidates[0];
        placed.push(box);
        return drawFlowBadge(edge, steps, text, box);
    }).join('');
}

function drawFlowBadge(edge: PlacedEdge, steps: readonly StepMark[], text: string, box: Box): string {
    const classes = ['flow-badge', ...(steps.every(s => s.optional) ? ['flow-optional'] : []), ...(steps.some(s => s.awaited) ? ['flow-awaited'] : [])];
    const title = steps.map(s => `${s.text}${s.budget ? `\nBudget: ${s.budget}` : ''}`).join('\n');
    return `<g class="${classes.join(' ')}" data-id="${escapeXml(edge.spec.id)}" data-steps="${escapeXml(steps.map(s => s.number).join(' '))}" transform="translate(${num(box.x)} ${num(box.y)})">`
        + `<title>${escapeXml(title)}</title>`
        + `<rect class="flow-badge-box" width="${num(box.width)}" height="${BADGE_H}" rx="${BADGE_H / 2}"/>`
        + `<text class="flow-badge-text" x="${num(box.width / 2)}" y="13">${escapeXml(text)}</text>`
        + '</g>';
}

function meets(a: Box, b: Box): boolean {
    return a.x < b.x + b.width + 1 && b.x < a.x + a.width + 1 && a.y < b.y + b.height + 1 && b.y < a.y + a.height + 1;
}

/** The point `distance` along a route, stopping short of the arrow head (a third of the way on a short route). */
export function alongRoute(points: readonly Point[], distance: number): Point {
    const total = routeLength(points);
    return pointAlong(points, Math.min(distance, Math.max(total / 3, total - 20)));
}
