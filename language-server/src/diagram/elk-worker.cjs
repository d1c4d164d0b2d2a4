// The ELK layout thread. Plain CommonJS, so that it runs as it is under vitest and as the
// bundle `out/elk-worker.cjs` beside the language server and the CLI: elkjs (1.6 MB of
// compiled Java) is loaded here, off the thread that answers the editor, and only once
// something is laid out.
'use strict';
const { parentPort } = require('node:worker_threads');
const ELK = require('elkjs/lib/elk.bundled.js');

const elk = new ELK();

/** Messages: `{ id, method, args }` → `{ id, result }` or `{ id, error }`. */
parentPort.on('message', ({ id, method, args }) => {
    let answer;
    try {
        answer = Promise.resolve(elk[method](...(args ?? [])));
    } catch (error) {
        answer = Promise.reject(error);
    }
    answer.then(
        result => parentPort.postMessage({ id, result }),
        error => parentPort.postMessage({ id, error: describe(error) }),
    );
});

/** ELK rejects with Java exceptions converted by GWT; keep what a person can read. */
function describe(error) {
    if (error instanceof Error) return error.message;
    if (error && typeof error === 'object') return String(error.message ?? error.g ?? JSON.stringify(error));
    return String(error);
}
