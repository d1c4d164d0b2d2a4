import type { ELK, ElkNode, ElkLayoutArguments } from 'elkjs/lib/elk-api.js';
import { Worker } from 'node:worker_threads';
import { LAYOUT_BUDGET_MS, LayoutTimeoutError } from './layout-budget.js';

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
    private readonly pending = new Map<number, Call>();
    /** Ends the call the worker is working on once it is over budget (calls are answered in order). */
    private budgetTimer: NodeJS.Timeout | undefined;
    /** The worker has loaded ELK: budgets run only from then on (loading takes seconds on a busy machine). */
    private ready = false;

    /**
     * `warmUp`: while idle, the thread lays the last small diagram out again until V8 has
     * compiled ELK (see `elk-worker.cjs`); for the editor, where the next edit comes soon.
     * `budgetMs`: how long one layout may run before the thread is stopped (see `layout-budget.ts`).
     * `script`: the worker's file; beside the bundle in `out/`, beside this file in the sources.
     */
    constructor(
        private readonly options: { readonly warmUp?: boolean; readonly budgetMs?: number } = {},
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

    /** How many calls are waiting for an answer, the one the thread works on included. */
    get waiting(): number {
        return this.pending.size;
    }

    /** Stops the thread, rejecting what is still waiting for it; the next call starts a new one. */
    terminateWorker(): void {
        const worker = this.worker;
        if (!worker) return;
        this.fail(new Error('The layout was stopped.'));
        void worker.terminate();
    }

    private call(method: string, args: unknown[] = []): Promise<unknown> {
        return new Promise((resolve, reject) => {
            const id = this.nextId++;
            this.pending.set(id, { id, method, args, resolve, reject });
            this.send(this.pending.get(id)!);
        });
    }

    private send(call: Call): void {
        const worker = this.start();
        worker.postMessage({ id: call.id, method: call.method, args: call.args });
        worker.ref();
        this.watchBudget();
    }

    /**
     * The worker answers in order, so the oldest call still waiting is the one it works on:
     * its budget starts when the call before it is answered (or when it is sent, if none is).
     */
    private watchBudget(): void {
        if (this.budgetTimer !== undefined || !this.ready) return;
        const running = this.pending.values().next().value;
        if (!running) return;
        const budget = this.options.budgetMs ?? LAYOUT_BUDGET_MS;
        this.budgetTimer = setTimeout(() => {
            this.budgetTimer = undefined;
            if (this.pending.get(running.id) !== running) return this.watchBudget();
            this.overBudget(running, budget);
        }, budget);
        this.budgetTimer.unref();
    }

    /** Ends the thread working on `running` (ELK cannot be interrupted otherwise) and sends the calls behind it to a new one. */
    private overBudget(running: Call, budget: number): void {
        const worker = this.worker;
        this.worker = undefined;
        this.pending.delete(running.id);
        running.reject(new LayoutTimeoutError(budget));
        void worker?.terminate();
        for (const call of [...this.pending.values()]) this.send(call);
    }

    private start(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.script, { workerData: { warmUp: this.options.warmUp === true } });
        worker.unref();
        this.ready = false;
        worker.on('message', ({ id, result, error, ready }: { id: number; result?: unknown; error?: string; ready?: boolean }) => {
            if (ready) {
                if (this.worker === worker) this.ready = true;
                return this.watchBudget();
            }
            const waiting = this.pending.get(id);
            if (!waiting || this.worker !== worker) return;
            this.pending.delete(id);
            clearTimeout(this.budgetTimer);
            this.budgetTimer = undefined;
            this.watchBudget();
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
        clearTimeout(this.budgetTimer);
        this.budgetTimer = undefined;
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const { reject } of waiting) reject(error);
    }
}

interface Call {
    readonly id: number;
    readonly method: string;
    readonly args: unknown[];
    readonly resolve: (value: unknown) => void;
    readonly reject: (error: Error) => void;
}
