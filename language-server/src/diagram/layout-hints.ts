import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { LaidOutDiagram } from './graph-types.js';

/**
 * Stability: an edit that adds or removes one element keeps the others where they were.
 * The last layout of a view leaves hints for the next: each node that is still there is
 * listed among its siblings in the order the last layout put them along the layers
 * (across the flow), so that ELK, which keeps the order of the model where crossings
 * allow (`considerModelOrder`), finds the same order again; a new node keeps its place in
 * the source among them.
 */

/** Where each ELK node was, relative to its parent, by id. */
export type Positions = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

/** The positions of every node of a laid-out ELK graph. */
export function positionsOf(laidOut: ElkNode): Map<string, { x: number; y: number }> {
    const positions = new Map<string, { x: number; y: number }>();
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
            visit(child);
        }
    };
    visit(laidOut);
    return positions;
}

/**
 * `graph` (not changed) with the last layout's hints: siblings listed in the order the last
 * layout put them across the flow (a new node keeps its place in the source among them),
 * and each node that was drawn before given its last position, which ELK's semi-interactive
 * crossing minimisation keeps the order of within each layer. (Interactive layering and
 * node placement were tried: with nested groups they made the drawings half as large
 * again, or did not finish.)
 */
export function withHints(graph: ElkNode, previous: Positions, across: 'x' | 'y'): ElkNode {
    const visit = (node: ElkNode): ElkNode => {
        if (!node.children?.length) return node;
        const children = node.children.map(visit);
        // A dock orders its host and sidecars itself.
        if (node.id.startsWith('dock:')) return { ...node, children };
        const kept = children.filter(c => previous.has(c.id)).sort((a, b) => previous.get(a.id)![across] - previous.get(b.id)![across]);
        let next = 0;
        const ordered = children.map(child => {
            if (!previous.has(child.id)) return child;
            const hinted = kept[next++];
            const was = previous.get(hinted.id)!;
            return { ...hinted, layoutOptions: { ...hinted.layoutOptions, 'elk.position': `(${was.x},${was.y})` } };
        });
        return { ...node, children: ordered, layoutOptions: { ...node.layoutOptions, 'elk.layered.crossingMinimization.semiInteractive': 'true' } };
    };
    return visit(graph);
}

/** How many views' last layouts are kept (a view per open preview and choice of level). */
const KEPT = 16;

/** The last layout of each view, as hints for its next one. */
export class PreviousLayouts {
    private readonly last = new Map<string, { readonly structure: string; readonly input: ElkNode; readonly positions: Positions; readonly placed?: LaidOutDiagram }>();

    /**
     * The graph to lay out for view `key`: as it is the first time; with the last layout's
     * hints after that; the very graph laid out last time when nothing that ELK sees has
     * changed (so the layout is reused, not redone from other hints).
     */
    hints(key: string, graph: ElkNode, across: 'x' | 'y'): ElkNode {
        const last = this.last.get(key);
        if (!last) return graph;
        if (last.structure === JSON.stringify(graph)) return last.input;
        return withHints(graph, last.positions, across);
    }

    /** The last drawing of view `key` and the graph it was laid out from, if any. */
    lastOf(key: string): { readonly input: ElkNode; readonly placed?: LaidOutDiagram } | undefined {
        return this.last.get(key);
    }

    /** Notes the layout of view `key`: `graph` as built, `input` as laid out, `laidOut` ELK's answer, `placed` the drawing. */
    remember(key: string, graph: ElkNode, input: ElkNode, laidOut: ElkNode, placed?: LaidOutDiagram): void {
        this.last.delete(key);
        this.last.set(key, { structure: JSON.stringify(graph), input, positions: positionsOf(laidOut), ...(placed ? { placed } : {}) });
        while (this.last.size > KEPT) this.last.delete(this.last.keys().next().value!);
    }
}
