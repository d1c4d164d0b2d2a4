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

/**
 * The language server with a dense document and a small one open: the dense one's diagram
 * is asked for, and at once the small one's (as when the preview follows the editor from
 * one file to the other). Returns when each diagram came, from the moment both were asked
 * for, and the dense one's notice. `startServer` from lsp-session.mjs.
 */
export async function denseThenSmall(startServer, serverPath, dir, denseText, runs) {
    const small = [];
    const dense = [];
    let notice;
    for (let i = 0; i < runs; i++) {
        const server = await startServer(serverPath);
        try {
            const denseUri = await server.open(writeArch(dir, `dense-${i}.arch`, denseText), denseText);
            const smallText = 'architecture "Small" {\n  client web\n  service api\n  web -> api\n}\n';
            const smallUri = await server.open(writeArch(dir, `small-${i}.arch`, smallText), smallText);
            // The layout thread is up, as it is once the editor has drawn anything.
            await server.diagram(smallUri, { direction: 'DOWN' });
            const start = performance.now();
            const denseDiagram = server.diagram(denseUri).then(r => {
                dense.push(performance.now() - start);
                notice = r.diagram?.notice ?? r.error;
            });
            const smallDiagram = server.diagram(smallUri).then(r => {
                if (!r.diagram) throw new Error(`no diagram: ${r.error ?? JSON.stringify(r).slice(0, 200)}`);
                small.push(performance.now() - start);
            });
            await Promise.all([denseDiagram, smallDiagram]);
        } finally {
            await server.stop();
        }
    }
    const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { smallMs: median(small), denseMs: median(dense), notice };
}
