import type { ELK, ElkNode, ElkLayoutArguments } from 'elkjs/lib/elk-api.js';
import { Worker } from 'node:worker_threads';

/**
 * ELK behind a `worker_threads` worker (`elk-worker.cjs`). A large layout takes seconds;
 * run on the language server's own thread it would stall completion, hover and
 * diagnostics for as long. Only plain JSON crosses the thread boundary.
 *
 * The worker starts on the first call and stays for the next ones (loading ELK costs a
 * few hundred milliseconds). It does not keep a process alive while it has nothing to do,
 * so the CLI still exits when it is done.
 */
export class ElkThread implements ELK {
    private worker: Worker | undefined;
    private nextId = 0;
    private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

    /**
     * `warmUp`: while idle, the thread lays the last small diagram out again until V8 has
     * compiled ELK (see `elk-worker.cjs`); for the editor, where the next edit comes soon.
     * `script`: the worker's file; beside the bundle in `out/`, beside this file in the sources.
     */
    constructor(
        private readonly options: { readonly warmUp?: boolean } = {},
        private readonly script: URL = new URL('./elk-worker.cjs', import.meta.url),
    ) {}

    readonly layout: ELK['layout'] = (graph: ElkNode, args?: ElkLayoutArguments) =>
        this.call('layout', args === undefined ? [graph] : [graph, args]) as ReturnType<ELK['layout']>;

    knownLayoutAlgorithms() {
        return this.call('knownLayoutAlgorithms') as ReturnType<ELK['knownLayoutAlgorithms']>;
    }

    knownLayoutOptions() {
        return this.call('knownLayoutOptions') as ReturnType<ELK['knownLayoutOptions']>;
    }

    knownLayoutCategories() {
        return this.call('knownLayoutCategories') as ReturnType<ELK['knownLayoutCategories']>;
    }

    /** How many layouts the thread has run, its own warm-up replays included. */
    layoutsRun(): Promise<number> {
        return this.call('layoutsRun') as Promise<number>;
    }

    /** Stops the thread, rejecting what is still waiting for it; the next call starts a new one. */
    terminateWorker(): void {
        const worker = this.worker;
        if (!worker) return;
        this.fail(new Error('The layout was stopped.'));
        void worker.terminate();
    }

    private call(method: string, args: unknown[] = []): Promise<unknown> {
        const worker = this.start();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            worker.postMessage({ id, method, args });
            worker.ref();
        });
    }

    private start(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.script, { workerData: { warmUp: this.options.warmUp === true } });
        worker.unref();
        worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
            const waiting = this.pending.get(id);
            if (!waiting) return;
            this.pending.delete(id);
            if (this.pending.size === 0) worker.unref();
            if (error !== undefined) waiting.reject(new Error(error));
            else waiting.resolve(result);
        });
        // A crashed thread (out of memory, a bug in ELK) fails its layouts; the next call starts afresh.
        worker.on('error', error => this.worker === worker && this.fail(error));
        worker.on('exit', () => this.worker === worker && this.fail(new Error('The layout thread stopped.')));
        this.worker = worker;
        return worker;
    }

    private fail(error: Error): void {
        this.worker = undefined;
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const { reject } of waiting) reject(error);
    }
}
