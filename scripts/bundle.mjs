// Bundles the extension, the language server and the CLI with esbuild.
// `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Langium's parser needs Object.groupBy, which Node 20 lacks (see scripts/polyfills.mjs).
const polyfill = readFileSync(new URL('./polyfills.mjs', import.meta.url), 'utf8');

const node = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // ESM dependencies read import.meta.url, which a CommonJS bundle must provide.
    define: { ARCHSIGHT_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
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
    { ...node, entryPoints: ['language-server/src/main.ts'], outfile: 'out/language-server.cjs', banner: { js: node.banner.js + '\n' + polyfill } },
    { ...node, entryPoints: ['language-server/src/cli/index.ts'], outfile: 'out/cli.cjs', banner: { js: node.banner.js + '\n' + polyfill } },
    { ...webview, entryPoints: ['extension/webview/preview.ts'], outfile: 'out/webview/preview.js' },
];

if (watch) {
    for (const options of bundles) await (await esbuild.context(options)).watch();
    console.log('watching…');
} else {
    await Promise.all(bundles.map(options => esbuild.build(options)));
}
