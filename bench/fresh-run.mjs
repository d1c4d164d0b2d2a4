// A command as a fresh process, `runs` times: median wall time, CPU time (user + system,
// every thread; from the preload report-rss.cjs, so it works for any Node program) and peak memory.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lsp-bench.mjs';

const REPORT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.cjs');

/** `command` is a Node binary and `args` its script and arguments. */
export function measureRuns(command, args, runs, cwd) {
    const walls = [];
    const cpu = [];
    const rss = [];
    let failure;
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const r = spawnSync(command, ['--require', REPORT, ...args], { encoding: 'utf8', cwd, maxBuffer: 1 << 28 });
        walls.push(performance.now() - start);
        if (r.status !== 0 && r.status !== 1) failure = `exit ${r.status}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`;
        const usage = /maxrss=(\d+) cpu=(\d+)/.exec(r.stderr);
        if (usage) {
            rss.push(Number(usage[1]) / 1024);
            cpu.push(Number(usage[2]) / 1000);
        }
    }
    return { wallMs: median(walls), cpuMs: median(cpu), peakMB: median(rss), ...(failure ? { failure } : {}) };
}
