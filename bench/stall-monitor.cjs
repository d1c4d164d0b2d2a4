// Preloaded into the language server by the benchmark: notes every stall of the server's
// event loop, measured inside the server, so that the client's own work and the pipe do
// not count. A timer asks for a turn every 2 ms; when it comes late, the loop was blocked
// for that long. On exit the stalls go, as [end (µs, monotonic clock), length (ms)], to
// the file named by ARCHSIGHT_BENCH_STALLS.
'use strict';
const { writeFileSync } = require('node:fs');

const PERIOD_MS = 2;
const NOTED_MS = 5;
const stalls = [];
let last = performance.now();
const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - PERIOD_MS;
    if (late > NOTED_MS) stalls.push([Number(process.hrtime.bigint() / 1000n), late]);
    last = now;
}, PERIOD_MS);
timer.unref();
process.on('exit', () => {
    if (process.env.ARCHSIGHT_BENCH_STALLS) writeFileSync(process.env.ARCHSIGHT_BENCH_STALLS, JSON.stringify(stalls));
});
