// Measurements through the real language server over stdio: start-up, edit → diagnostics,
// edit → diagram, and how long the server's event loop stalls while a diagram is drawn.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lsp-session.mjs';

const now = () => performance.now();
/** The system's monotonic clock in microseconds: the same clock in the server's process and here. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

export const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The file the edits go to: the last part imports every other one, so its model is the whole architecture. */
export function editTarget(model) {
    const parts = Object.keys(model.files).filter(n => n.startsWith('part-')).sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
    return parts.at(-1) ?? model.entry;
}

async function openAll(server, model) {
    const uris = {};
    for (const name of Object.keys(model.files)) uris[name] = await server.open(path.join(model.dir, name), model.files[name]);
    return uris;
}

/**
 * Spawn → `initialize` answered, and → the first diagnostics of the entry file (opened on
 * its own: the server loads what it imports from disk, as when an editor opens one file).
 */
export async function startup(serverPath, model, runs) {
    const initialized = [];
    const diagnosed = [];
    for (let i = 0; i < runs; i++) {
        const server = await startServer(serverPath);
        try {
            await server.open(path.join(model.dir, model.entry), model.files[model.entry]);
            initialized.push(server.startup.initializedMs);
            diagnosed.push(now() - server.startup.started);
        } finally {
            await server.stop();
        }
    }
    return { initializeMs: median(initialized), firstDiagnosticsMs: median(diagnosed) };
}

/** One-character edits inside a label of the target file → its diagnostics published. */
export async function editToDiagnostics(serverPath, model, runs) {
    const server = await startServer(serverPath);
    try {
        const uris = await openAll(server, model);
        const target = editTarget(model);
        let text = model.files[target];
        const at = text.indexOf('"Service') + 1;
        const times = [];
        for (let i = 0; i <= runs * 2; i++) {
            const published = server.nextDiagnostics(uris[target]);
            const start = now();
            text = server.change(uris[target], text, at, 1, i % 2 ? 'S' : 's');
            await published;
            times.push(now() - start);
        }
        return median(times.slice(1));
    } finally {
        await server.stop();
    }
}

/** Offsets of the `->` of top-level calls in `text`: flipping one to `~>` is a one-character edit that changes the structure. */
function callArrows(text) {
    const offsets = [];
    for (const match of text.matchAll(/^ *s\d+_\d+ -> s\d+_\d+ : /gm)) offsets.push(match.index + match[0].indexOf('->'));
    return offsets;
}

function diagramOf(response) {
    if (!response.diagram) throw new Error(`no diagram: ${response.error ?? response.message ?? JSON.stringify(response).slice(0, 200)}`);
    return response.diagram;
}

/**
 * The preview's cycle on the target file: an edit, then the diagram request it sends.
 * - first: the first diagram after the files are open (starts the layout thread, loads ELK);
 * - structural: a one-character edit that changes the structure (a call `->` becomes a
 *   message `~>`, a different one each time), so every diagram needs a new layout;
 * - property: a property value changes (`replicas 2` ↔ `3`): the layout is reused.
 * `pauseMs`: how long the person looks at the first diagram before editing (the editor's
 * layout thread uses idle time to get ELK's code compiled).
 */
export async function editToDiagram(serverPath, model, runs, { pauseMs = 0 } = {}) {
    const server = await startServer(serverPath);
    try {
        const uris = await openAll(server, model);
        const target = editTarget(model);
        const uri = uris[target];
        let text = model.files[target];
        let start = now();
        const first = diagramOf(await server.diagram(uri));
        const firstMs = now() - start;
        if (pauseMs > 0) await new Promise(resolve => setTimeout(resolve, pauseMs));

        const arrows = callArrows(text);
        const structural = [];
        for (let i = 0; i < Math.min(runs * 2 + 1, arrows.length); i++) {
            start = now();
            text = server.change(uri, text, arrows[i], 1, '~');
            diagramOf(await server.diagram(uri));
            structural.push(now() - start);
        }

        const replicas = /replicas ([23])/.exec(text);
        const digitAt = replicas.index + 'replicas '.length;
        const property = [];
        for (let i = 0; i <= runs * 2; i++) {
            start = now();
            text = server.change(uri, text, digitAt, 1, String(((Number(replicas[1]) + i) % 2) + 2));
            diagramOf(await server.diagram(uri));
            property.push(now() - start);
        }
        return {
            file: target,
            drawn: first.items.filter(item => item.type !== 'relation').length,
            notice: first.notice,
            firstMs,
            structuralMs: median(structural),
            // The first property edit lays out again (the last structural edit left a new graph).
            propertyMs: median(property.slice(1)),
        };
    } finally {
        await server.stop();
    }
}

/**
 * How long the server's event loop is blocked while it draws a diagram: after a structural
 * edit is validated, the diagram request goes out and a cheap request (document symbols of
 * a one-line file) every 10 ms until the diagram arrives. Measured twice: the answer time
 * of those probes as the client sees it (which includes the client's own work and the
 * pipe), and, inside the server, the longest stall of its event loop that overlaps a
 * drawing (`stall-monitor.cjs`). Over `runs` edits.
 */
export async function blockingWhileDrawing(serverPath, model, runs) {
    const stallsFile = path.join(tmpdir(), `archsight-bench-stalls-${process.pid}.json`);
    const server = await startServer(serverPath, {
        nodeArgs: ['--require', fileURLToPath(new URL('./stall-monitor.cjs', import.meta.url))],
        env: { ARCHSIGHT_BENCH_STALLS: stallsFile },
    });
    const windows = [];
    const latencies = [];
    let worst = 0;
    try {
        const uris = await openAll(server, model);
        const probeFile = path.join(model.dir, 'probe.arch');
        writeFileSync(probeFile, 'service probe\n');
        const probeUri = await server.open(probeFile, 'service probe\n');
        const target = editTarget(model);
        const uri = uris[target];
        let text = model.files[target];
        diagramOf(await server.diagram(uri)); // the layout thread is up
        const arrows = callArrows(text).reverse();
        for (let i = 0; i < Math.min(runs, arrows.length); i++) {
            const validated = server.nextDiagnostics(uri);
            text = server.change(uri, text, arrows[i], 1, '~');
            await validated;
            let drawing = true;
            const probes = [];
            const from = monotonicMicros();
            const diagram = server.diagram(uri).finally(() => { drawing = false; });
            const timer = setInterval(() => {
                if (!drawing) return;
                const sent = now();
                probes.push(server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: probeUri } }).then(() => now() - sent));
            }, 10);
            diagramOf(await diagram);
            windows.push([from, monotonicMicros()]);
            clearInterval(timer);
            const times = await Promise.all(probes);
            latencies.push(...times);
            worst = Math.max(worst, ...times);
        }
    } finally {
        await server.stop();
    }
    const stalls = existsSync(stallsFile) ? JSON.parse(readFileSync(stallsFile, 'utf8')) : [];
    rmSync(stallsFile, { force: true });
    if (process.env.BENCH_KEEP_STALLS) writeFileSync(process.env.BENCH_KEEP_STALLS, JSON.stringify({ stalls, windows }));
    // A stall that ended at `end` after `ms` overlaps a drawing if it began before the drawing ended and ended after it began.
    const whileDrawing = stalls.filter(([end, ms]) => windows.some(([from, to]) => end - ms * 1000 < to && end > from)).map(([, ms]) => ms);
    return {
        worstMs: worst, medianMs: median(latencies), probes: latencies.length,
        serverWorstStallMs: whileDrawing.length > 0 ? Math.max(...whileDrawing) : 0, serverStalls: whileDrawing.length,
    };
}
