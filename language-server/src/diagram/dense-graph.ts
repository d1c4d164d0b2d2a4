/**
 * ELK's layered layout puts every box in a layer along the flow and threads each edge
 * through every layer it crosses. Services that all call each other stack into as many
 * layers as there are services, and their calls cross most of them: 25 such services
 * (600 calls) took 34 s to lay out, 50 more than ten minutes. What it costs can be told
 * before ELK sees the graph: a layering as ELK would find one (cycles broken where a
 * depth-first walk meets them, each box one layer after the last box that calls it) gives
 * each edge its length in layers, and the sum is about the work ELK will do.
 */

/** An edge to draw, by the ids of its two ends. */
export interface LayeredEdge {
    readonly sourceId: string;
    readonly targetId: string;
}

/** Each edge's length in layers (at least 1; 0 for an edge from a box to itself), in the order given. */
export function edgeSpans(edges: readonly LayeredEdge[]): number[] {
    const index = new Map<string, number>();
    const idOf = (id: string) => index.get(id) ?? (index.set(id, index.size), index.size - 1);
    const ends = edges.map(e => [idOf(e.sourceId), idOf(e.targetId)] as const);
    const n = index.size;
    const out: number[][] = Array.from({ length: n }, () => []);
    ends.forEach(([s], i) => out[s].push(i));
    const forward = depthFirstOrientation(n, ends, out);
    const layer = longestPathLayers(n, ends, forward);
    return ends.map(([s, t]) => (s === t ? 0 : Math.max(1, Math.abs(layer[t] - layer[s]))));
}

/** What ELK's layout of these edges costs, in edge segments (one per layer crossed). */
export function layoutCost(edges: readonly LayeredEdge[]): number {
    return edgeSpans(edges).reduce((sum, span) => sum + Math.max(1, span), 0);
}

/**
 * Whether each edge keeps its direction (true) or is turned round to break a cycle: an edge
 * that a depth-first walk, started from the boxes in the order given, finds pointing back
 * to a box still on its path.
 */
function depthFirstOrientation(n: number, ends: readonly (readonly [number, number])[], out: readonly number[][]): boolean[] {
    const forward = ends.map(() => true);
    const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
    const next = new Int32Array(n);
    for (let root = 0; root < n; root++) {
        if (state[root] !== 0) continue;
        const stack = [root];
        state[root] = 1;
        while (stack.length > 0) {
            const v = stack[stack.length - 1];
            if (next[v] === out[v].length) {
                state[v] = 2;
                stack.pop();
                continue;
            }
            const edge = out[v][next[v]++];
            const w = ends[edge][1];
            if (state[w] === 1) forward[edge] = false;
            else if (state[w] === 0) {
                state[w] = 1;
                stack.push(w);
            }
        }
    }
    return forward;
}

/** Each box's layer: one after the last of the boxes that point to it (edges oriented as `forward` says). */
function longestPathLayers(n: number, ends: readonly (readonly [number, number])[], forward: readonly boolean[]): Int32Array {
    const successors: number[][] = Array.from({ length: n }, () => []);
    const incoming = new Int32Array(n);
    ends.forEach(([s, t], i) => {
        if (s === t) return;
        const [from, to] = forward[i] ? [s, t] : [t, s];
        successors[from].push(to);
        incoming[to]++;
    });
    const layer = new Int32Array(n);
    const ready: number[] = [];
    for (let v = 0; v < n; v++) if (incoming[v] === 0) ready.push(v);
    while (ready.length > 0) {
        const v = ready.pop()!;
        for (const w of successors[v]) {
            layer[w] = Math.max(layer[w], layer[v] + 1);
            if (--incoming[w] === 0) ready.push(w);
        }
    }
    return layer;
}

/**
 * The edges to keep so that the layout costs at most `budget`: the longest edges (in
 * layers) go first, those listed later before earlier ones of the same length, until the
 * cost is within the budget; then the layering is worked out again without them (it
 * shortens as edges go) and, if still over, more go. `fixed` edges count but always stay.
 * Returns whether each of `edges` is kept.
 */
export function edgesWithinBudget(edges: readonly LayeredEdge[], budget: number, fixed: readonly LayeredEdge[] = []): boolean[] {
    const kept = edges.map(() => true);
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const candidates = edges.map((_, i) => i).filter(i => kept[i]);
        const spans = edgeSpans([...candidates.map(i => edges[i]), ...fixed]);
        let cost = spans.reduce((sum, span) => sum + Math.max(1, span), 0);
        if (cost <= budget) break;
        const order = candidates.map((edge, k) => ({ edge, span: spans[k] }))
            .filter(({ span }) => span > 1)
            .sort((a, b) => b.span - a.span || b.edge - a.edge);
        if (order.length === 0) break; // only short edges: the graph is large, not dense (`collapse.ts` bounds its size)
        for (const { edge, span } of order) {
            if (cost <= budget) break;
            kept[edge] = false;
            cost -= span;
        }
    }
    return kept;
}

/** Rounds of dropping edges and laying the rest out again; each round drops at least what was over. */
const MAX_ROUNDS = 4;
