// The ELK layout thread. Plain CommonJS, so that it runs as it is under vitest and as the
// bundle `out/elk-worker.cjs` beside the language server and the CLI: elkjs (1.6 MB of
// compiled Java) is loaded here, off the thread that answers the editor, and only once
// something is laid out.
'use strict';
const { parentPort } = require('node:worker_threads');
const ELK = require('elkjs/lib/elk.bundled.js');

const elk = new ELK();

/**
 * JIT warm-up. ELK's code runs two to three times faster once V8 has optimised it, which
 * takes a dozen layouts; until then every edit waits on cold code. So when the thread has
 * been idle for a moment (the user paused), it lays the last small diagram out again,
 * throwing the result away, a bounded number of times per thread. A real request waits at
 * most for one such layout, and only small ones (up to WARM_UP_MAX_MS) are replayed.
 */
const WARM_UP_RUNS = 15;
const WARM_UP_IDLE_MS = 200;
const WARM_UP_MAX_MS = 400;
const warmUp = { graph: undefined, runs: 0, timer: undefined };

const queue = [];
let busy = false;

/** Messages: `{ id, method, args }` → `{ id, result }` or `{ id, error }`. */
parentPort.on('message', message => {
    queue.push(message);
    void drain();
});

async function drain() {
    if (busy) return;
    busy = true;
    clearTimeout(warmUp.timer);
    while (queue.length > 0) await answer(queue.shift());
    busy = false;
    scheduleWarmUp();
}

async function answer({ id, method, args }) {
    const replayable = method === 'layout' && warmUp.runs < WARM_UP_RUNS ? structuredClone(args[0]) : undefined;
    const start = performance.now();
    try {
        const result = await elk[method](...(args ?? []));
        parentPort.postMessage({ id, result });
        if (replayable && performance.now() - start <= WARM_UP_MAX_MS) warmUp.graph = replayable;
    } catch (error) {
        parentPort.postMessage({ id, error: describe(error) });
    }
}

function scheduleWarmUp() {
    if (!warmUp.graph || warmUp.runs >= WARM_UP_RUNS) return;
    warmUp.timer = setTimeout(async () => {
        if (busy || queue.length > 0) return;
        busy = true;
        warmUp.runs++;
        try {
            await elk.layout(structuredClone(warmUp.graph));
        } catch {
            warmUp.runs = WARM_UP_RUNS;
        }
        busy = false;
        if (queue.length > 0) void drain();
        else scheduleWarmUp();
    }, WARM_UP_IDLE_MS);
    // Warming up is no reason to keep a process alive.
    warmUp.timer.unref?.();
}

/** ELK rejects with Java exceptions converted by GWT; keep what a person can read. */
function describe(error) {
    if (error instanceof Error) return error.message;
    if (error && typeof error === 'object') return String(error.message ?? error.g ?? JSON.stringify(error));
    return String(error);
}
