import type { ELK, ElkLayoutArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkThread } from './elk-thread.js';

/**
 * Layout threads for the language server, so that one document's long layout does not
 * hold up another's diagram: a layout goes to a thread with nothing to do, else to a new
 * thread while there are fewer than `size`, else to the thread with the fewest layouts
 * waiting. One document edited alone keeps using the first thread, whose code V8 has
 * compiled; the others start only when it is busy (a layout of a dense part, which its
 * budget bounds, or of another document at the same time).
 */
export class ElkPool implements ELK {
    private readonly threads: ElkThread[] = [];

    /** `start(i)`: the i-th thread (0 first), started when it is first needed. */
    constructor(private readonly size: number, private readonly start: (index: number) => ElkThread) {}

    readonly layout: ELK['layout'] = (graph: ElkNode, args?: ElkLayoutArguments) =>
        this.pick().layout(graph, args) as ReturnType<ELK['layout']>;

    knownLayoutAlgorithms() {
        return this.first().knownLayoutAlgorithms();
    }

    knownLayoutOptions() {
        return this.first().knownLayoutOptions();
    }

    knownLayoutCategories() {
        return this.first().knownLayoutCategories();
    }

    /** How many layouts the threads have run, their warm-up replays included. */
    async layoutsRun(): Promise<number> {
        const counts = await Promise.all(this.threads.map(t => t.layoutsRun()));
        return counts.reduce((sum, n) => sum + n, 0);
    }

    /** How many threads have been started. */
    get started(): number {
        return this.threads.length;
    }

    /** Stops every thread; the next layout starts one again. */
    terminateWorker(): void {
        this.threads.forEach(t => t.terminateWorker());
    }

    private first(): ElkThread {
        if (this.threads.length === 0) this.threads.push(this.start(0));
        return this.threads[0];
    }

    private pick(): ElkThread {
        const idle = this.threads.find(t => t.waiting === 0);
        if (idle) return idle;
        if (this.threads.length < this.size) {
            const thread = this.start(this.threads.length);
            this.threads.push(thread);
            return thread;
        }
        return this.threads.reduce((least, t) => (t.waiting < least.waiting ? t : least));
    }
}
