// `archsight check <folder>` as a fresh process, as CI runs it: wall time, CPU time and
// peak memory (maxRSS), the last two reported by a preload (report-rss.cjs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { median } from './lsp-bench.mjs';

/** `args`: more options (`--cache-location <dir>` for a run that replays a kept report). */
export function checkFresh(root, dir, runs, args = []) {
    const walls = [];
    const cpu = [];
    const rss = [];
    for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const r = spawnSync(process.execPath, ['--require', path.join(root, 'bench/report-rss.cjs'), path.join(root, 'bin/archsight.cjs'), 'check', dir, ...args], { encoding: 'utf8' });
        walls.push(performance.now() - start);
        if (r.status === 2 || r.status === null) throw new Error(`check failed: ${r.stderr}`);
        const usage = /maxrss=(\d+) cpu=(\d+)/.exec(r.stderr);
        if (usage) {
            rss.push(Number(usage[1]) / 1024);
            cpu.push(Number(usage[2]) / 1000);
        }
    }
    return { wallMs: median(walls), cpuMs: median(cpu), peakMB: median(rss) };
}
