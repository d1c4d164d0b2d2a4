// Bundles the extension, the language server and the CLI with esbuild.
// `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Part of the layout cache's key (language-server/src/diagram/layout-store.ts): another ELK may lay out differently.
const elkjs = JSON.parse(readFileSync(new URL('../node_modules/elkjs/package.json', import.meta.url), 'utf8'));
// Langium's parser needs Object.groupBy, which Node 20 lacks (see scripts/polyfills.mjs).
const polyfill = readFileSync(new URL('./polyfills.mjs', import.meta.url), 'utf8');

export const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // ESM dependencies read import.meta.url, which a CommonJS bundle must provide.
    // ARCHSIGHT_BUNDLED: the parsers skip Chevrotain's grammar checks (see arch-parser.ts).
    define: { ARCHSIGHT_VERSION: JSON.stringify(pkg.version), ELKJS_VERSION: JSON.stringify(elkjs.version), ARCHSIGHT_BUNDLED: 'true', 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    // vscode-languageserver/node's optional dependency probes are not needed in a bundle.
    mainFields: ['module', 'main'],
    // The diagram's stylesheets are imported as text (`./styles/light.css?raw`).
    loader: { '.css': 'text' },
};

/**
 * The preview's webview: browser code under a strict CSP. Its `import './preview.css'`
 * makes esbuild write `out/webview/preview.css` beside the script, with the diagram's
 * stylesheets inlined from their `@import`s.
 */
const webview = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
};

/** Every bundle this project ships. Add new entries here. */
export const bundles = [
    { ...node, entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
    serverBundle('language-server/src/main.ts', 'out/language-server.cjs'),
    serverBundle('language-server/src/cli/index.ts', 'out/cli.cjs'),
    // `archsight render --cache` and `check --cache` replay an unchanged run with this before loading the CLI (bin/archsight.cjs).
    { ...node, entryPoints: ['language-server/src/cli/replay.ts'], outfile: 'out/replay.cjs' },
    // `archsight mcp` (bin/archsight.cjs loads it): the MCP SDK and zod stay out of the CLI's bundle.
    serverBundle('language-server/src/mcp/main.ts', 'out/mcp.cjs'),
    // ELK's layout thread, loaded by the server and the CLI only when they draw (see elk-thread.ts).
    // ELK itself is copied beside it (copyElk), to be compiled with V8's code cache.
    // Under the sources the thread finds ELK with require.resolve; in out/ it finds the copy.
    { ...node, entryPoints: ['language-server/src/diagram/elk-worker.cjs'], outfile: 'out/elk-worker.cjs', sourcemap: false, minify: true, logOverride: { 'require-resolve-not-external': 'silent' } },
    { ...webview, entryPoints: ['extension/webview/preview.ts'], outfile: 'out/webview/preview.js' },
];

/** Copies ELK beside the layout thread's bundle (see elk-worker.cjs, loadElk). */
export function copyElk(root = fileURLToPath(new URL('..', import.meta.url))) {
    mkdirSync(`${root}/out`, { recursive: true });
    copyFileSync(`${root}/node_modules/elkjs/lib/elk.bundled.js`, `${root}/out/elk.bundled.js`);
    // The cache and any write of it that was cut short.
    for (const name of readdirSync(`${root}/out`)) if (name.startsWith('elk.bundled.js.cache')) rmSync(`${root}/out/${name}`, { force: true });
}

/**
 * Options for a Node bundle of our server code (the benchmark bundles its harness with them).
 * Always minified: half the size to read and compile at every start of the CLI and the
 * server (`archsight check` of 100 elements about 0.04 s sooner); the source map beside it
 * (not shipped) maps a stack trace back to the sources.
 */
export function serverBundle(entry, outfile) {
    return { ...node, entryPoints: [entry], outfile, minify: true, sourcemap: true, banner: { js: node.banner.js + '\n' + polyfill } };
}

/**
 * PNG export (language-server/src/export/png.ts) reads resvg's WebAssembly module and the
 * DejaVu Sans fonts from `out/png/`: files beside the bundles, as they are not JavaScript.
 */
export function copyPngAssets(root = fileURLToPath(new URL('..', import.meta.url))) {
    const require = createRequire(`${root}/package.json`);
    mkdirSync(`${root}/out/png`, { recursive: true });
    copyFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), `${root}/out/png/resvg.wasm`);
    for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) copyFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${font}`), `${root}/out/png/${font}`);
    copyFileSync(require.resolve('dejavu-fonts-ttf/LICENSE'), `${root}/out/png/DejaVu-LICENSE.txt`);
}

/**
 * Writes V8's code cache of the CLI bundle (see bin/code-cache.cjs) by checking the
 * samples once, so that it holds the code a check runs, not only the start-up's; and the
 * layout thread's cache of ELK (see elk-worker.cjs) by drawing a sample.
 */
export function writeCodeCache(root = fileURLToPath(new URL('..', import.meta.url))) {
    rmSync(`${root}/out/cli.cjs.cache`, { force: true });
    // Through the loader itself: on Node 22 and later bin/archsight.cjs uses Node's compile cache instead.
    const load = `require(${JSON.stringify(`${root}/bin/code-cache.cjs`)}).requireWithCodeCache(${JSON.stringify(`${root}/out/cli.cjs`)})`;
    const run = spawnSync(process.execPath, ['-e', load, 'archsight', 'check', `${root}/samples`], { encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) console.warn(`No code cache for the CLI: the check of the samples failed.\n${run.stderr}`);
    const svg = path.join(mkdtempSync(path.join(tmpdir(), 'archsight-bundle-')), 'sample.svg');
    const draw = spawnSync(process.execPath, [`${root}/bin/archsight.cjs`, 'render', `${root}/samples/microservices.arch`, '-o', svg], { encoding: 'utf8' });
    rmSync(path.dirname(svg), { recursive: true, force: true });
    if (draw.status !== 0 || !existsSync(`${root}/out/elk.bundled.js.cache`)) console.warn(`No code cache for ELK: drawing a sample failed.\n${draw.stderr}`);
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (!isMain) {
    // Imported for its options: build nothing.
} else if (watch) {
    copyPngAssets();
    copyElk();
    for (const options of bundles) await (await esbuild.context(options)).watch();
    console.log('watching…');
} else {
    await Promise.all(bundles.map(options => esbuild.build(options)));
    copyPngAssets();
    copyElk();
    writeCodeCache();
}
