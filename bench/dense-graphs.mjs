// Dense architectures for the 'dense' section and test/robustness/dense-layout: services
// that all call each other (a complete graph, K_n), and n services with k calls each to
// others picked at random (seeded, so every run draws the same file).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** `n` services, each calling every other one. */
export function completeGraph(n) {
    const lines = [`architecture "K${n}" {`];
    for (let i = 0; i < n; i++) lines.push(`  service s${i}`);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) lines.push(`  s${i} -> s${j}`);
    lines.push('}', '');
    return lines.join('\n');
}

/** `n` services, each calling `k` others chosen by a seeded generator. */
export function randomCalls(n, k, seed = 1) {
    let state = seed >>> 0 || 1;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const lines = [`architecture "${n} services, ${k} calls each" {`];
    for (let i = 0; i < n; i++) lines.push(`  service s${i}`);
    for (let i = 0; i < n; i++) {
        const targets = new Set();
        while (targets.size < Math.min(k, n - 1)) {
            const j = Math.floor(next() * n);
            if (j !== i) targets.add(j);
        }
        for (const j of targets) lines.push(`  s${i} -> s${j}`);
    }
    lines.push('}', '');
    return lines.join('\n');
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeArch(dir, name, text) {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
}
