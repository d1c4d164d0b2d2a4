// `npm run bench`: measures what issue 6 asks for, prints medians with the machine's load
// average beside each figure, and writes bench/results/latest.json.
// `--quick` runs fewer repetitions and sizes; `--only <name,…>` runs some sections
// (check, render, likec4, diagram, edit, preview, fluidity, blocking, startup, first-preview, vsix, import, imports, dense, legibility, stability, diff, flows). Benchmarks measure; tests never assert timings.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundles, copyElk, serverBundle, writeCodeCache } from '../scripts/bundle.mjs';
import { checkFresh } from './check-fresh.mjs';
import { firstPreview } from './first-preview.mjs';
import { measureRuns } from './fresh-run.mjs';
import { installLikeC4, LIKEC4_VERSION, sideBySide } from './likec4.mjs';
import { generateModel } from './generate-model.mjs';
import { flowModel } from './flow-model.mjs';
import { writeChain, writeLayered } from './import-workspaces.mjs';
import { diffBench } from './diff-bench.mjs';
import { completeGraph, denseThenSmall, randomCalls, writeArch } from './dense-graphs.mjs';
import { startServer } from './lsp-session.mjs';
import { importFresh, writeManifests, writeTraceFile } from './import-bench.mjs';
import { blockingWhileDrawing, editToDiagnostics, editToDiagram, median, startup } from './lsp-bench.mjs';
import { previewFluidity } from './preview-fluidity.mjs';
import { printSampleMetrics, sampleFiles, sampleMetrics } from './sample-metrics.mjs';
import { vsixSize } from './vsix-size.mjs';
import { writeModel } from './write-model.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'out/language-server.cjs');
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : undefined;
const runs = quick ? 3 : 7;
const wanted = section => !only || only.includes(section);

const ms = value => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '–');
const load = () => Number(loadavg()[0].toFixed(2));

/** Runs `measure`, noting the 1-minute load average before and after it. */
async function withLoad(measure) {
    const before = load();
    const result = await measure();
    return { ...result, load: Math.max(before, load()) };
}

const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    runs,
};
console.log(`Archsight benchmark — ${results.machine.cpus} cores, ${results.machine.memoryGB} GiB, Node ${results.machine.node}; medians of ${runs} runs; "load" is the 1-minute load average\n`);

// Measure the code as it is now: the product's bundles, and the in-process harness with the same options.
await Promise.all(bundles.map(options => esbuild.build({ ...options, absWorkingDir: ROOT })));
copyElk(ROOT);
writeCodeCache(ROOT);
const harness = path.join(ROOT, 'out/bench-in-process.cjs');
await esbuild.build({ ...serverBundle(path.join(ROOT, 'bench/in-process.ts'), harness), sourcemap: false });
const api = await import(pathToFileURL(harness).href).then(m => m.default ?? m);

if (wanted('check')) {
    results.check = {};
    const rows = {};
    for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
        const model = writeModel(size);
        const fresh = await withLoad(() => checkFresh(ROOT, model.dir, runs));
        // Unchanged files checked again with --cache: the kept report is printed (the first run keeps it).
        const cache = ['--cache-location', path.join(tmpdir(), `archsight-bench-check-cache-${size}`)];
        checkFresh(ROOT, model.dir, 1, cache);
        const warm = await withLoad(() => checkFresh(ROOT, model.dir, runs, cache));
        await api.checkFiles(model.files); // warm-up: JIT
        const inside = await withLoad(async () => {
            const times = [];
            for (let i = 0; i < runs; i++) {
                const start = performance.now();
                await api.checkFiles(model.files);
                times.push(performance.now() - start);
            }
            return { ms: median(times) };
        });
        results.check[size] = { files: Object.keys(model.files).length, fresh, warmCache: warm, inProcess: inside };
        rows[`${size} elements (${Object.keys(model.files).length} files)`] = {
            'check, fresh process: wall': ms(fresh.wallMs),
            'CPU': ms(fresh.cpuMs),
            'peak memory': `${fresh.peakMB.toFixed(0)} MB`,
            'load': fresh.load,
            'unchanged, warm --cache: wall': ms(warm.wallMs),
            'parse+link+validate+rules in process': ms(inside.ms),
            'load ': inside.load,
        };
    }
    console.log('archsight check (targets: fresh process, 1,000 elements ≤ 0.5 s, 5,000 ≤ 1.5 s)');
    console.table(rows);
}

if (wanted('render')) {
    // Issue 19: `archsight render` in a fresh process, as CI runs it, with the defaults (level and direction auto).
    const rows = {};
    results.render = {};
    const bin = path.join(ROOT, 'bin/archsight.cjs');
    for (const [size, name] of [[200, '200 elements, one file'], [1000, '1,000 elements in groups, 4 files']]) {
        const model = writeModel(size);
        const entry = path.join(model.dir, model.entry);
        const out = path.join(model.dir, 'out.svg');
        const cache = path.join(model.dir, 'cache');
        const cold = await withLoad(() => measureRuns(process.execPath, [bin, 'render', entry, '-o', out, '--force'], runs));
        measureRuns(process.execPath, [bin, 'render', entry, '-o', out, '--force', '--cache-location', cache], 1);
        const warm = await withLoad(() => measureRuns(process.execPath, [bin, 'render', entry, '-o', out, '--force', '--cache-location', cache], runs));
        results.render[size] = { cold, warm };
        rows[`${name}: no cache`] = { wall: ms(cold.wallMs), CPU: ms(cold.cpuMs), 'peak memory': `${cold.peakMB.toFixed(0)} MB`, load: cold.load, ...(cold.failure ? { failure: cold.failure } : {}) };
        rows[`${name}: warm --cache`] = { wall: ms(warm.wallMs), CPU: ms(warm.cpuMs), 'peak memory': `${warm.peakMB.toFixed(0)} MB`, load: warm.load };
    }
    console.log('\narchsight render, fresh process (targets: 200 elements ≤ 1.5 s, 1,000 ≤ 3 s, unchanged with a warm cache ≤ 0.3 s)');
    console.table(rows);
}

if (wanted('likec4')) {
    const likec4 = installLikeC4(ROOT);
    if (likec4.error) {
        console.log(`\nLikeC4 side by side not measured: ${likec4.error}`);
    } else {
        const rows = {};
        results.likec4 = { version: LIKEC4_VERSION };
        const likeRuns = quick ? 1 : 3;
        for (const size of [200, 1000]) {
            const model = writeModel(size);
            const measured = await withLoad(() => sideBySide(ROOT, likec4, { entryPath: path.join(model.dir, model.entry) }, likeRuns));
            results.likec4[size] = measured;
            if (measured.error) {
                console.log(`LikeC4 at ${size} elements not measured: ${measured.error}`);
                continue;
            }
            const ratio = (theirs, ours) => (theirs.failure || ours.failure ? `failed: ${theirs.failure ?? ours.failure}` : `${(theirs.wallMs / ours.wallMs).toFixed(1)}× (CPU ${(theirs.cpuMs / ours.cpuMs).toFixed(1)}×)`);
            rows[`${size} elements: draw`] = { archsight: `render ${ms(measured.render.wallMs)}`, LikeC4: `export json ${ms(measured.likec4Layout.wallMs)}${measured.likec4LaidOut ? '' : ' (no layout found in its output)'}`, 'LikeC4 / archsight': ratio(measured.likec4Layout, measured.render), load: measured.load };
            rows[`${size} elements: check`] = { archsight: `check ${ms(measured.check.wallMs)}`, LikeC4: `validate ${ms(measured.likec4Validate.wallMs)}`, 'LikeC4 / archsight': ratio(measured.likec4Validate, measured.check), load: measured.load };
        }
        console.log(`\nSide by side with LikeC4 ${LIKEC4_VERSION} (on Node ${spawnSyncVersion(likec4.node)}), same models, fresh processes, medians of ${likeRuns}`);
        console.table(rows);
    }
}

if (wanted('diff')) {
    const measured = await withLoad(() => diffBench(ROOT, api, runs));
    results.diff1000 = measured;
    console.log(`\narchsight diff of two 1,000-element architectures (${measured.items} changes, ${measured.introduced} findings introduced, ${measured.fixed} fixed)`);
    console.table({
        'fresh process: archsight diff a.arch b.arch (read, check both sides, compare, print)': { median: ms(measured.freshMs), load: measured.load },
        'in process: parse, link and check both sides': { median: ms(measured.checkMs), load: measured.load },
        'in process: the comparison (match, changes, findings, blast radii)': { median: ms(measured.diffMs), load: measured.load },
    });
}

if (wanted('diagram')) {
    results.diagram = {};
    const rows = {};
    for (const [size, asPreview] of [[50, false], [200, false], [500, false], [1000, true]]) {
        const model = generateModel(size, { perFile: size });
        const measured = await withLoad(() => api.diagramStages(model.files[model.entry], runs, asPreview));
        const warm = key => median(measured.warm.map(t => t[key]));
        const best = Math.min(...measured.warm.map(t => t.totalMs));
        results.diagram[`${size}${asPreview ? '-preview' : ''}`] = { first: measured.first, warm: { graphMs: warm('graphMs'), layoutMs: warm('layoutMs'), svgMs: warm('svgMs'), totalMs: warm('totalMs') }, bestMs: best, load: measured.load };
        rows[`${size} elements${asPreview ? ', as the preview draws it' : ''} (${measured.first.nodes} boxes, ${measured.first.edges} edges)`] = {
            'first: total': ms(measured.first.totalMs),
            'first: layout': ms(measured.first.layoutMs),
            'warm: model→ELK graph': ms(warm('graphMs')),
            'warm: layout': ms(warm('layoutMs')),
            'warm: place+SVG': ms(warm('svgMs')),
            'warm: total': ms(warm('totalMs')),
            'best': ms(best),
            load: measured.load,
        };
    }
    console.log(`\nDiagram pipeline in process, full view (no size limit), layout in its worker thread: the first layout in a fresh thread, then ${runs} more (warm: their median; best: the fastest, as ELK's code gets optimised)`);
    console.table(rows);
}

if (wanted('edit')) {
    const big = writeModel(1000);
    const diagnostics = await withLoad(async () => ({ ms: await editToDiagnostics(SERVER, big, runs) }));
    results.editToDiagnostics1000 = diagnostics;
    console.log('\nLanguage server over stdio (out/language-server.cjs)');
    console.table({ 'one-character edit → diagnostics, 1,000 elements': { median: ms(diagnostics.ms), load: diagnostics.load } });
}

if (wanted('preview')) {
    const rows = {};
    const sessions = [[50, 0], [50, 5000], [500, 0], [1000, 0]];
    for (const [size, pauseMs] of sessions) {
        const measured = await withLoad(() => editToDiagram(SERVER, writeModel(size), runs, { pauseMs }));
        const name = size.toLocaleString('en-US');
        const when = pauseMs ? `, editing after looking at it for ${pauseMs / 1000} s` : ', editing straight away';
        results[`editToDiagram${size}${pauseMs ? `after${pauseMs}ms` : ''}`] = measured;
        if (!pauseMs) rows[`first diagram after opening, ${name} elements (${measured.drawn} boxes drawn)`] = { median: ms(measured.firstMs), load: measured.load };
        rows[`one-character structural edit → new diagram, ${name} elements${when}`] = { median: ms(measured.structuralMs), load: measured.load };
        rows[`property edit → diagram (layout reused), ${name} elements${when}`] = { median: ms(measured.propertyMs), load: measured.load };
        if (measured.notice && !pauseMs) rows[`  notice at ${name} elements: ${measured.notice.slice(0, 90)}…`] = {};
    }
    console.log('\nThe preview\'s cycle over stdio: edit, then the diagram request');
    console.table(rows);
}

if (wanted('fluidity')) {
    const rows = {};
    results.fluidity = {};
    for (const size of [500, 1000]) {
        const model = generateModel(size, { perFile: size });
        const diagram = await api.previewDiagram(model.files[model.entry]);
        const measured = await withLoad(() => previewFluidity(ROOT, api, diagram));
        results.fluidity[size] = { boxes: diagram.boxes, ...measured };
        if (measured.error) {
            console.log(`\nPreview fluidity not measured: ${measured.error}`);
            break;
        }
        const name = `${size.toLocaleString('en-US')} elements (${diagram.boxes} boxes${diagram.collapsed ? ', groups collapsed' : ''}, ${measured.svgNodes} SVG nodes)`;
        rows[`${name}: shown`] = { median: ms(measured.showMs), load: measured.load };
        for (const gesture of ['zoom', 'pan']) {
            const f = measured[gesture];
            rows[`${name}: ${gesture === 'zoom' ? 'wheel zoom' : 'drag pan'}, ${f.frames} frames`] = { median: ms(f.medianMs), p95: ms(f.p95Ms), worst: ms(f.worstMs), 'frames over 50 ms': f.stutters, load: measured.load };
        }
    }
    console.log('\nThe preview in Chromium (headless, no GPU): the diagram shown, then frame times while zooming and panning');
    console.table(rows);
}

if (wanted('blocking')) {
    const rows = {};
    for (const size of [200, 1000]) {
        const measured = await withLoad(() => blockingWhileDrawing(SERVER, writeModel(size), runs));
        results[`blocking${size}`] = measured;
        rows[`${size.toLocaleString('en-US')} elements (${measured.probes} probes)`] = {
            'probe answer: worst': ms(measured.worstMs), 'probe answer: median': ms(measured.medianMs),
            'server stall: longest': ms(measured.serverWorstStallMs), 'stalls over 5 ms': measured.serverStalls, load: measured.load,
        };
    }
    console.log('\nThe server while a diagram is drawn: answer time of a cheap request sent every 10 ms (as the client sees it), and stalls of the server\'s event loop (measured inside it)');
    console.table(rows);
}

if (wanted('startup')) {
    const sample = writeModel(100);
    const big = writeModel(1000);
    const small = await withLoad(() => startup(SERVER, sample, runs));
    const large = await withLoad(() => startup(SERVER, big, runs));
    results.startup = { elements100: small, elements1000: large };
    console.log('\nServer start-up (the part of the extension\'s activation that waits for the language server)');
    console.table({
        'spawn → initialize answered': { median: ms(small.initializeMs), load: small.load },
        'spawn → first diagnostics, 100 elements': { median: ms(small.firstDiagnosticsMs), load: small.load },
        'spawn → first diagnostics, 1,000 elements (4 files)': { median: ms(large.firstDiagnosticsMs), load: large.load },
    });
}

if (wanted('first-preview')) {
    const rows = await withLoad(() => firstPreview(SERVER, path.join(ROOT, 'samples'), quick ? 1 : 3));
    results.firstPreview = rows;
    console.log('\nFirst preview of each sample, fresh server (the layout starts when the file opens); load ' + rows.load);
    const table = {};
    for (const [sample, row] of Object.entries(rows)) {
        if (sample === 'load') continue;
        table[sample] = {
            'open → diagram (asked at once)': ms(row.atOpenMs),
            'request → diagram (asked 2 s after opening)': ms(row.afterLookingMs),
            'the same, last preview\'s pane known': ms(row.paneKnownMs),
        };
    }
    console.table(table);
}

if (wanted('import')) {
    // Issue 15: 1,000 services' manifests and a 100 MB trace file, each under 10 s and 1 GB.
    const importRuns = quick ? 1 : 3;
    const manifests = writeManifests(1000);
    const traces = writeTraceFile(100, 'jaeger');
    const otlp = writeTraceFile(100, 'otlp');
    const rows = {};
    results.import = {};
    for (const [name, source] of [['1,000 services (10 YAML files, 2,200 objects)', manifests], [`Jaeger JSON, ${traces.megabytes.toFixed(0)} MB`, traces.file], [`OTLP JSON lines, ${otlp.megabytes.toFixed(0)} MB`, otlp.file]]) {
        const r = await withLoad(() => importFresh(ROOT, source, importRuns));
        results.import[name] = r;
        rows[name] = { 'import, fresh process: wall': ms(r.wallMs), 'CPU': ms(r.cpuMs), 'peak memory': `${r.peakMB.toFixed(0)} MB`, 'load': r.load };
    }
    console.log('\narchsight import (targets: < 10 s and < 1 GB each)');
    console.table(rows);
}

if (wanted('imports')) {
    // Issues 18 and 19: workspaces of files that import each other are analysed in time and
    // memory that grow linearly (each file is checked in its root's model, built once).
    const importRuns = quick ? 1 : 3;
    const workspaces = [
        ...(quick ? [100, 400] : [100, 200, 400, 1000]).map(n => [`chain of ${n} files`, writeChain(n)]),
        ...(quick ? [300] : [300, 600]).map(n => [`${n} files in layers`, writeLayered(n)]),
    ];
    const rows = {};
    results.imports = {};
    for (const [name, ws] of workspaces) {
        const r = await withLoad(() => checkFresh(ROOT, ws.dir, importRuns));
        results.imports[name] = { files: ws.files, elements: ws.elements, ...r };
        rows[`${name}, ${ws.elements} elements`] = {
            'check, fresh process: wall': ms(r.wallMs), 'CPU': ms(r.cpuMs), 'CPU per file': ms(r.cpuMs / ws.files),
            'peak memory': `${r.peakMB.toFixed(0)} MB`, load: r.load,
        };
    }
    console.log('\narchsight check of workspaces whose files import each other (CPU per file should stay flat as they grow)');
    console.table(rows);
}

if (wanted('dense')) {
    // Issue 18: dense diagrams (services that all call each other) are drawn within seconds,
    // with the lines left out that would make ELK work for minutes; one document's layout
    // does not hold up another's diagram.
    const denseRuns = quick ? 1 : 3;
    const dir = path.join(tmpdir(), 'archsight-bench-dense');
    const graphs = [
        ['25 services, all calling each other', 'k25.arch', completeGraph(25)],
        ['30 services, all calling each other', 'k30.arch', completeGraph(30)],
        ['50 services, all calling each other', 'k50.arch', completeGraph(50)],
        ['100 services, 10 calls each', 'r100x10.arch', randomCalls(100, 10)],
    ];
    const bin = path.join(ROOT, 'bin/archsight.cjs');
    const rows = {};
    results.dense = {};
    for (const [name, file, text] of graphs) {
        const input = writeArch(dir, file, text);
        const r = await withLoad(() => measureRuns(process.execPath, [bin, 'render', input, '-o', path.join(dir, `${file}.svg`), '--force'], denseRuns));
        results.dense[name] = { kB: Buffer.byteLength(text) / 1024, render: r };
        rows[`${name} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB): render`] = { wall: ms(r.wallMs), CPU: ms(r.cpuMs), 'peak memory': `${r.peakMB.toFixed(0)} MB`, load: r.load, ...(r.failure ? { failure: r.failure } : {}) };
    }
    for (const [name, file, text] of [graphs[2], graphs[3]]) {
        const r = await withLoad(() => denseThenSmall(startServer, SERVER, dir, text, denseRuns));
        results.dense[`${name}: server`] = r;
        rows[`server: ${name}, then a 2-element file`] = { 'small diagram after': ms(r.smallMs), 'dense diagram after': ms(r.denseMs), load: r.load };
    }
    console.log('\nDense diagrams (target: a drawing or one clear message within 10 s; render before: stopped at the 30 s budget with an error)');
    console.table(rows);
}

if (wanted('flows')) {
    // Issue 14: the flow rules and the flow hover on flows of hundreds to thousands of steps.
    results.flows = {};
    const rows = {};
    for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
        const measured = await withLoad(() => api.flowRuleTimes(flowModel(size), runs));
        results.flows[size] = { rulesMs: median(measured.rulesMs), cardMs: median(measured.cardMs), findings: measured.findings, load: measured.load };
        rows[`2 flows of ${size} steps`] = { 'four flow rules': ms(median(measured.rulesMs)), 'hover cards of both flows': ms(median(measured.cardMs)), findings: measured.findings, load: measured.load };
    }
    console.log('\nFlow rules and flow hover (on a freshly linked model)');
    console.table(rows);
}

if (wanted('legibility')) {
    const measured = await withLoad(() => sampleMetrics());
    results.legibility = measured;
    printSampleMetrics(measured);
    console.log(`(load ${measured.load})`);
}

if (wanted('stability')) {
    // Issue 13: an edit that adds one element keeps the others where they were.
    const rows = {};
    results.stability = {};
    const before = load();
    for (const file of sampleFiles(ROOT).filter(f => !f.includes('evolution'))) {
        const r = await api.layoutStability(readFileSync(path.join(ROOT, file), 'utf8'));
        results.stability[file] = r;
        const cell = s => `${s.movedAnchored}/${s.shared} moved, median ${s.medianAnchored} px (as laid out: ${s.moved}, ${s.median} px)`;
        rows[file] = { 'from scratch': cell(r.fresh), 'last layout as hints': cell(r.hinted), 'layout ms first / hinted': `${r.layoutMs.first.toFixed(0)} / ${r.layoutMs.hinted.toFixed(0)}` };
    }
    console.log('\nStability: one service added to each sample (every group open, tiers down); elements that moved more than 5 px relative to the element the view is anchored on');
    console.table(rows);
    console.log(`(load ${Math.max(before, load())})`);
}

if (wanted('vsix')) {
    const vsix = vsixSize(ROOT);
    results.vsix = vsix;
    console.log(vsix.file
        ? `\nExtension package ${vsix.file}: ${vsix.kB.toFixed(0)} kB, ${vsix.files} files${vsix.missing.length ? `; MISSING: ${vsix.missing.join(', ')}` : ''}`
        : `\nNo extension package: ${vsix.error}`);
}

function spawnSyncVersion(node) {
    return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nWritten to bench/results/latest.json');
