// `npm run bench`: measures what issue 6 asks for and prints a table of medians; writes
// bench/results/latest.json. Benchmarks measure; tests never assert timings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { serverBundle } from '../scripts/bundle.mjs';
import { generateModel } from './generate-model.mjs';
import { startServer } from './lsp-session.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;

const median = values => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = value => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const now = () => performance.now();

function writeModel(size) {
    const dir = path.join(tmpdir(), `archsight-bench-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const model = generateModel(size);
    for (const [name, text] of Object.entries(model.files)) writeFileSync(path.join(dir, name), text);
    return { dir, ...model };
}

/** `archsight check <folder>` as a fresh process: wall time and peak memory (maxRSS, read by a preload). */
function checkFresh(dir) {
    const walls = [];
    const rss = [];
    for (let i = 0; i < RUNS; i++) {
        const start = now();
        const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'bench/report-rss.cjs'), path.join(ROOT, 'bin/archsight.cjs'), 'check', dir], { encoding: 'utf8' });
        walls.push(now() - start);
        const match = /maxrss=(\d+)/.exec(r.stderr);
        if (match) rss.push(Number(match[1]) / 1024);
        if (r.status === 2) throw new Error(`check failed: ${r.stderr}`);
    }
    return { wallMs: median(walls), peakMB: median(rss) };
}

async function bundleInProcess() {
    const outfile = path.join(ROOT, 'out/bench-in-process.cjs');
    await esbuild.build({ ...serverBundle(path.join(ROOT, 'bench/in-process.ts'), outfile), sourcemap: false });
    const mod = await import(pathToFileURL(outfile).href);
    return mod.default ?? mod;
}

async function inProcess(api, files) {
    await api.checkFiles(files); // warm-up: JIT
    const times = [];
    for (let i = 0; i < RUNS; i++) {
        const start = now();
        await api.checkFiles(files);
        times.push(now() - start);
    }
    return median(times);
}

/** One-character edits to a part file → diagnostics published for it, through the real server. */
async function editToDiagnostics(model) {
    const server = await startServer(path.join(ROOT, 'out/language-server.cjs'));
    try {
        const names = Object.keys(model.files);
        const uris = {};
        for (const name of names) uris[name] = await server.open(path.join(model.dir, name), model.files[name]);
        const target = names.find(n => n.startsWith('part-')) ?? model.entry;
        const text = model.files[target];
        // Edit inside a label: the structure stays, every stage still runs.
        const at = text.indexOf('"Service') + 1;
        const position = offsetToPosition(text, at);
        const times = [];
        for (let version = 2; version < 2 + RUNS * 2; version++) {
            const published = server.nextDiagnostics(uris[target]);
            const start = now();
            server.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uris[target], version },
                contentChanges: [{ range: { start: position, end: { ...position, character: position.character + (version > 2 ? 1 : 0) } }, text: version % 2 ? 'S' : 's' }],
            });
            await published;
            times.push(now() - start);
        }
        return median(times.slice(1));
    } finally {
        await server.stop();
    }
}

function offsetToPosition(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function vsixSize() {
    const vsix = readdirSync(ROOT).find(f => f.endsWith('.vsix'));
    return vsix ? { file: vsix, kB: statSync(path.join(ROOT, vsix)).size / 1024 } : undefined;
}

const results = { machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version }, runs: RUNS, check: {}, inProcess: {} };
const api = await bundleInProcess();
const rows = [];
for (const size of quick ? [100, 1000] : [100, 1000, 5000]) {
    const model = writeModel(size);
    const fresh = checkFresh(model.dir);
    const inside = await inProcess(api, model.files);
    results.check[size] = { ...fresh, files: Object.keys(model.files).length };
    results.inProcess[size] = { parseLinkValidateMs: inside };
    rows.push([`${size} elements (${Object.keys(model.files).length} files)`, ms(fresh.wallMs), `${fresh.peakMB.toFixed(0)} MB`, ms(inside)]);
}
console.log(`Archsight benchmark — ${results.machine.cpus} cores, ${results.machine.memoryGB} GiB, Node ${results.machine.node}; medians of ${RUNS} runs\n`);
console.table(Object.fromEntries(rows.map(([name, wall, mem, inside]) => [name, { 'check (fresh process)': wall, 'peak memory': mem, 'parse+link+validate+rules (in process)': inside }])));

const lspModel = writeModel(1000);
results.lsp = { editToDiagnosticsMs: await editToDiagnostics(lspModel) };
console.log(`\nLanguage server over stdio, 1,000 elements: one-character edit → diagnostics published: ${ms(results.lsp.editToDiagnosticsMs)} (median)`);

const vsix = vsixSize();
if (vsix) {
    results.vsix = vsix;
    console.log(`Extension package ${vsix.file}: ${vsix.kB.toFixed(0)} kB`);
}

mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nWritten to bench/results/latest.json');
