// The ELK layout thread. Plain CommonJS, so that it runs as it is under vitest and as the
// bundle `out/elk-worker.cjs` beside the language server and the CLI: elkjs (1.6 MB of
// compiled Java) is loaded here, off the thread that answers the editor, and only once
// something is laid out.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync } = require('node:fs');
const path = require('node:path');
// Bundled into out/elk-worker.cjs by the build; read from bin/ under the sources.
const { compileWithCache, writeCache } = require('../../../bin/code-cache.cjs');

const elkScript = loadElk();
const elk = new elkScript.ELK();

/**
 * V8 compiles ELK's hot code fully only after a few dozen layouts: a 50-element diagram
 * takes about 300 ms for the first ten edits and about 100 ms once compiled (see README,
 * Performance). For the editor (`workerData.warmUp`), while nobody asks for anything, the
 * thread lays the last small diagram out again, so the next edit finds the code compiled.
 * Only small graphs are replayed, counting edges as well as boxes (a collapsed overview
 * has few boxes but hundreds of edges and takes long), so a request that arrives during a
 * replay waits for at most a short layout; the replays stop once the code is warm.
 */
const WARM_UP = workerData?.warmUp === true;
const IDLE_MS = 200;
const REPLAY_MAX_ITEMS = 200;
const WARM_AFTER_LAYOUTS = 30;

let layouts = 0;
let replayText;
let replayTimer;

/**
 * Messages: `{ id, method, args }` → `{ id, result }` or `{ id, error }`. The methods are
 * ELK's, and `layoutsRun`: how many layouts the thread has run, replays included.
 */
parentPort.on('message', ({ id, method, args }) => {
    clearTimeout(replayTimer);
    if (method === 'layout') {
        layouts++;
        // ELK fills in the graph it lays out: keep the question to ask again.
        const small = WARM_UP && layouts < WARM_AFTER_LAYOUTS && args?.[0] && itemCount(args[0]) <= REPLAY_MAX_ITEMS;
        replayText = small ? JSON.stringify(args[0]) : undefined;
    }
    let answer;
    try {
        answer = Promise.resolve(method === 'layoutsRun' ? layouts : elk[method](...(args ?? [])));
    } catch (error) {
        answer = Promise.reject(error);
    }
    answer.then(
        result => {
            // Before answering: a process that exits once it has its layout (`render`) would
            // stop this thread in the middle of writing.
            if (method === 'layout') writeCodeCache();
            parentPort.postMessage({ id, result });
        },
        error => parentPort.postMessage({ id, error: describe(error) }),
    ).finally(scheduleReplay);
});

function scheduleReplay() {
    clearTimeout(replayTimer);
    if (replayText === undefined || layouts >= WARM_AFTER_LAYOUTS) return;
    replayTimer = setTimeout(replay, IDLE_MS);
}

function replay() {
    layouts++;
    elk.layout(JSON.parse(replayText)).catch(() => (replayText = undefined)).finally(scheduleReplay);
}

/**
 * ELK with V8's code cache (`elk.bundled.js.cache` beside it): compiling ELK's 1.6 MB and
 * the functions a first layout needs took about a third of the CPU time of loading ELK and
 * laying out a small graph (700 ms → 450 ms). `out/elk.bundled.js` is copied there by the
 * build (not bundled into this file, so that it can be compiled with its cache); under the
 * sources, elkjs's own file is used. A missing or rejected cache (another Node) is written
 * after the first layout, before its answer, if the folder may be written; otherwise it only
 * costs speed. The build writes one (scripts/bundle.mjs, writeCodeCache).
 */
function loadElk() {
    const beside = path.join(__dirname, 'elk.bundled.js');
    const file = existsSync(beside) ? beside : require.resolve('elkjs/lib/elk.bundled.js');
    const { script, cacheFile, stale } = compileWithCache(file);
    const loaded = { exports: {} };
    script.runInThisContext().call(loaded.exports, loaded.exports, require, loaded, file, path.dirname(file));
    return { ELK: loaded.exports, script: stale ? script : undefined, cacheFile };
}

function writeCodeCache() {
    const { script, cacheFile } = elkScript;
    if (!script) return;
    elkScript.script = undefined;
    writeCache(cacheFile, script);
}

/** Boxes and edges, at every level of the graph. */
function itemCount(node) {
    let count = node.edges?.length ?? 0;
    for (const child of node.children ?? []) count += 1 + itemCount(child);
    return count;
}

/** ELK rejects with Java exceptions converted by GWT; keep what a person can read. */
function describe(error) {
    if (error instanceof Error) return error.message;
    if (error && typeof error === 'object') return String(error.message ?? error.g ?? JSON.stringify(error));
    return String(error);
}

// ELK is loaded: the layouts' time budgets start now, not while the thread starts.
parentPort.postMessage({ ready: true });
