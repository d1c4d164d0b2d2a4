import type { ELK, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { ElkPool } from './elk-pool.js';
import { ElkThread } from './elk-thread.js';
import { BATCH_LAYOUT_BUDGET_MS, isLayoutTimeout } from './layout-budget.js';
import { layoutKey, type LayoutStore } from './layout-store.js';

/**
 * Runs ELK, remembering recent results. The key is the whole input graph (ids, sizes,
 * edges, options; never text), so an edit that changes no size or connection, such as a
 * property value or a label that still fits its box, reuses the last layout.
 */

/** Creates the ELK instance; a service so that tests and the CLI can swap it. */
export type ElkFactory = () => ELK;

let sharedThread: ElkThread | undefined;
let editorThreads: ElkPool | undefined;

/**
 * ELK in a worker thread, one per process: layouts keep no state between calls, and each
 * thread loads ELK anew. Nothing of ELK is loaded until the first layout, so `archsight
 * check` and a language server that never draws do not pay for it.
 */
export const defaultElkFactory: ElkFactory = () => (sharedThread ??= new ElkThread({ budgetMs: BATCH_LAYOUT_BUDGET_MS }));

/**
 * The same for the language server: two threads, so that a long layout (a dense diagram,
 * up to its budget) does not hold up another document's diagram. The first keeps ELK's
 * code compiled between edits; the second starts only while the first is busy.
 */
export const editorElkFactory: ElkFactory = () => (editorThreads ??= new ElkPool(EDITOR_THREADS, i => new ElkThread({ warmUp: i === 0 })));

const EDITOR_THREADS = 2;

const CACHE_SIZE = 8;

export class ElkLayoutEngine {
    private elk: ELK | undefined;
    private readonly cache = new Map<string, Promise<ElkNode>>();
    /** Layouts kept on disk between runs (`--cache`, the preview's first drawing); none by default. */
    store: LayoutStore | undefined;

    constructor(private readonly factory: ElkFactory) {}

    /** Starts the layout thread and loads ELK now (while a file is parsed), so the first layout does not wait for it. */
    startThread(): void {
        (this.elk ??= this.factory()).knownLayoutAlgorithms().catch(() => undefined);
    }

    /** Lays `graph` out; the result is shared between callers and must not be changed. */
    layout(graph: ElkNode): Promise<ElkNode> {
        const key = JSON.stringify(graph);
        const cached = this.cache.get(key);
        if (cached) {
            // Most recently used last, so the oldest entry is the one to drop.
            this.cache.delete(key);
            this.cache.set(key, cached);
            return cached;
        }
        const result = this.store ? this.stored(key, this.store) : this.run(key);
        this.cache.set(key, result);
        result.catch(() => this.cache.delete(key));
        while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
        return result;
    }

    private run(key: string): Promise<ElkNode> {
        this.elk ??= this.factory();
        // ELK fills in the graph it is given: hand it a copy so the caller's stays clean.
        return this.elk.layout(JSON.parse(key) as ElkNode);
    }

    /** The layout from the store, else from ELK, then stored (before it is answered, so a CLI run that ends next has written it). */
    private async stored(key: string, store: LayoutStore): Promise<ElkNode> {
        const hash = layoutKey(key);
        const found = await store.get(hash);
        if (found) return found;
        const result = await this.run(key);
        await store.set(hash, result);
        return result;
    }

    /**
     * Lays `graph` out; if ELK rejects it (its constraints can contradict each other in
     * graphs nobody foresaw), lays it out again without the ordering constraints, so the
     * user still gets a picture, only with tiers and docking less strict.
     */
    async layoutOrRelax(graph: ElkNode): Promise<ElkNode> {
        try {
            return await this.layout(graph);
        } catch (error) {
            // A layout stopped at its budget would only be stopped again, another budget later.
            if (isLayoutTimeout(error)) throw error;
            return this.layout(relaxed(graph));
        }
    }

    /** How many layouts are remembered; for tests. */
    get cachedLayouts(): number {
        return this.cache.size;
    }
}

const CONSTRAINTS = [
    'elk.partitioning.activate', 'elk.partitioning.partition', 'elk.layered.layering.layerConstraint',
    'elk.layered.crossingMinimization.semiInteractive', 'elk.position', 'elk.layered.considerModelOrder.strategy',
];

/** A copy of `graph` without the options that constrain the order of nodes. */
export function relaxed(graph: ElkNode): ElkNode {
    const strip = (options: LayoutOptions | undefined): LayoutOptions | undefined =>
        options && Object.fromEntries(Object.entries(options).filter(([key]) => !CONSTRAINTS.includes(key)));
    const visit = (node: ElkNode): ElkNode => ({
        ...node,
        layoutOptions: strip(node.layoutOptions),
        children: node.children?.map(visit),
    });
    return visit(graph);
}
