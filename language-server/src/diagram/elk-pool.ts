import type { ELK, ElkLayoutArguments, ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkThread } from './elk-thread.js';

/**
 * Layout threads for the language server, so that one document's long layout does not
 * hold up another's diagram: a layout goes to a thread with no layout to do (one still
 * loading ELK has none: it is ready in a second, a layout may take the whole budget), else
 * to a new thread while there are fewer than `size`, else to the thread with the fewest
 * layouts waiting. One document edited alone keeps using the first thread, whose code V8 has
 * compiled; the others take the layouts that come while it is busy (a layout of a dense
 * part, which its budget bounds, or of another document at the same time).
 */
export class ElkPool implements ELK {
    private readonly threads: ElkThread[] = [];
    /** Layouts sent to each thread and not answered yet (a thread still loading ELK has none). */
    private readonly layouts = new Map<ElkThread, number>();

    /** `start(i)`: the i-th thread (0 first), started when it is first needed. */
    constructor(private readonly size: number, private readonly start: (index: number) => ElkThread) {}

    readonly layout: ELK['layout'] = (graph: ElkNode, args?: ElkLayoutArguments) => {
        const thread = this.pick();
        this.layouts.set(thread, (this.layouts.get(thread) ?? 0) + 1);
        const result = thread.layout(graph, args) as ReturnType<ELK['layout']>;
        const done = () => this.layouts.set(thread, this.layouts.get(thread)! - 1);
        result.then(() => (done(), this.startSpare()), done);
        return result;
    };

    knownLayoutAlgorithms() {
        return this.first().knownLayoutAlgorithms();
    }

    knownLayoutOptions() {
        return this.first().knownLayoutOptions();
    }

    knownLayoutCategories() {
        return this.first().knownLayoutCategories();
    }

    /** How many layouts each thread has run, its warm-up replays included. */
    layoutsRun(): Promise<number[]> {
        return Promise.all(this.threads.map(t => t.layoutsRun()));
    }

    /** How many threads have been started. */
    get started(): number {
        return this.threads.length;
    }

    /** Stops every thread; the next layout starts one again. */
    terminateWorker(): void {
        this.threads.forEach(t => t.terminateWorker());
    }

    /**
     * Once a layout is done, the next thread starts and loads ELK while nothing else runs:
     * started when it is needed, loading ELK (a second or more on a busy machine) would
     * delay the very diagram it is there for.
     */
    private startSpare(): void {
        if (this.threads.length >= this.size) return;
        const spare = this.start(this.threads.length);
        this.threads.push(spare);
        spare.knownLayoutAlgorithms().catch(() => undefined);
    }

    private first(): ElkThread {
        if (this.threads.length === 0) this.threads.push(this.start(0));
        return this.threads[0];
    }

    /** The first thread without a layout to do; else a new one; else the one with the fewest. */
    private pick(): ElkThread {
        const count = (t: ElkThread) => this.layouts.get(t) ?? 0;
        const idle = this.threads.find(t => count(t) === 0);
        if (idle) return idle;
        if (this.threads.length < this.size) {
            const thread = this.start(this.threads.length);
            this.threads.push(thread);
            return thread;
        }
        return this.threads.reduce((least, t) => (count(t) < count(least) ? t : least));
    }
}
