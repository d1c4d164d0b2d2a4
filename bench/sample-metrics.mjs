// How readable each sample's diagram is: `archsight render` with its defaults, then
// /work/shared/tools/layout-metrics.py (or $LAYOUT_METRICS) on each SVG, for a side pane
// (800 × 1000 CSS px) and a maximised one (1800 × 1000). Run alone with
// `node bench/sample-metrics.mjs` (after `npm run bundle`) or as `npm run bench -- --only legibility`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const METRICS = process.env.LAYOUT_METRICS ?? '/work/shared/tools/layout-metrics.py';
const PANES = { side: '800x1000', max: '1800x1000' };

/** Every `.arch` file under samples/, relative to the repository. */
export function sampleFiles(root = ROOT) {
    const walk = dir => readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? walk(full) : entry.name.endsWith('.arch') ? [full] : [];
    });
    return walk(path.join(root, 'samples')).map(f => path.relative(root, f)).sort();
}

/** Renders each sample with the defaults and measures the SVG; `extraArgs` go to `render`. */
export function sampleMetrics(extraArgs = [], root = ROOT) {
    if (!existsSync(METRICS)) return { error: `no layout-metrics script at ${METRICS}` };
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-metrics-'));
    const rows = [];
    try {
        for (const file of sampleFiles(root)) {
            const svg = path.join(dir, file.replace(/[\\/]/g, '_') + '.svg');
            const start = performance.now();
            try {
                execFileSync(process.execPath, [path.join(root, 'bin/archsight.cjs'), 'render', file, '-o', svg, ...extraArgs], { cwd: root, stdio: 'pipe' });
            } catch (error) {
                // Exit code 1: drawn, but the file has errors (the evolution's outside file on its own).
                if (error.status !== 1) throw error;
            }
            const renderMs = performance.now() - start;
            const measure = pane => JSON.parse(execFileSync('python3', [METRICS, svg, '--pane', pane, '--json'], { encoding: 'utf8' }));
            const side = measure(PANES.side);
            const max = measure(PANES.max);
            rows.push({ file, ...side, label_px_max: max.label_px_at_fit, renderMs });
        }
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    return { rows, totals: totals(rows) };
}

function totals(rows) {
    return {
        crossings: rows.reduce((n, r) => n + r.crossings, 0),
        edges: rows.reduce((n, r) => n + r.edges, 0),
        worstAspect: Math.max(...rows.map(r => r.aspect)),
        smallestTextSide: Math.min(...rows.map(r => r.label_px_at_fit)),
        smallestTextMax: Math.min(...rows.map(r => r.label_px_max)),
        samplesUnder9pxSide: rows.filter(r => r.label_px_at_fit < 9).length,
    };
}

/** The table as printed by the benchmark. */
export function printSampleMetrics({ rows, totals: t, error }) {
    if (error) {
        console.log(`\nSample legibility: skipped, ${error}`);
        return;
    }
    console.log('\nSample legibility: `archsight render` defaults, measured by layout-metrics.py (text px at fit zoom, 13 px labels; side pane 800×1000, maximised 1800×1000)');
    console.table(Object.fromEntries(rows.map(r => [r.file, {
        'size': `${r.width}×${r.height}`,
        'aspect': r.aspect,
        'boxes': r.boxes,
        'edges': r.edges,
        'crossings': r.crossings,
        'text px side': r.label_px_at_fit,
        'text px max': r.label_px_max,
        'render ms': Math.round(r.renderMs),
    }])));
    console.log(`Totals: ${t.crossings} crossings on ${t.edges} edges; worst aspect ${t.worstAspect}:1; smallest text ${t.smallestTextSide} px (side pane), ${t.smallestTextMax} px (maximised); ${t.samplesUnder9pxSide} samples under 9 px in the side pane`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    printSampleMetrics(sampleMetrics(process.argv.slice(2)));
}
