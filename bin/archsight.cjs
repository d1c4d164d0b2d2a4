#!/usr/bin/env node
'use strict';
// The CLI ships as self-contained bundles, built by `npm install` in a clone (prepare), by
// `npm pack` (prepack) or by `npm run build`. `archsight lsp` starts the language server,
// `archsight mcp` the MCP server.
const Module = require('node:module');
const path = require('node:path');

// The language server and the MCP server are bundles of their own, loaded only for their commands.
const lsp = process.argv[2] === 'lsp';
const bundle = path.join(__dirname, '../out', lsp ? 'language-server.cjs' : process.argv[2] === 'mcp' ? 'mcp.cjs' : 'cli.cjs');
try {
    require.resolve(bundle);
} catch {
    process.stderr.write('archsight: the CLI is not built yet. Run `npm install` or `npm run build` first.\n');
    process.exit(2);
}
if (lsp && !startsLanguageServer(process.argv.slice(3))) return;

const replay = process.argv[2] === 'render' ? 'replayRender' : process.argv[2] === 'check' ? 'replayCheck' : undefined;
if (replay && process.argv.some(arg => arg === '--cache' || arg.startsWith('--cache-location'))) {
    // An unchanged run kept by `render --cache` or `check --cache` is written again without
    // loading the CLI (see render-memo.ts and check-memo.ts).
    Promise.resolve().then(() => require('../out/replay.cjs')[replay](process.argv.slice(3), process.cwd())).then(code => {
        if (code === undefined) loadBundle();
        else process.exitCode = code;
    }, loadBundle);
} else {
    loadBundle();
}

function loadBundle() {
    if (typeof Module.enableCompileCache === 'function') {
        // Node 22.1 and later keep V8's code cache themselves (in NODE_COMPILE_CACHE or the
        // temporary folder), so the package needs no write access to its own folder.
        Module.enableCompileCache();
        require(bundle);
    } else {
        // Node 20: a code cache beside the bundle (see code-cache.cjs).
        require('./code-cache.cjs').requireWithCodeCache(bundle);
    }
}

/** Checks `archsight lsp`'s options; the server reads its transport from process.argv. */
function startsLanguageServer(args) {
    const transports = ['--stdio', '--node-ipc'];
    const unknown = args.find(arg => !transports.includes(arg) && !arg.startsWith('--socket=') && !arg.startsWith('--pipe=') && !arg.startsWith('--clientProcessId'));
    if (args.includes('-h') || args.includes('--help') || unknown !== undefined) {
        const usage = 'Usage: archsight lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n\n' +
            'Starts the Archsight language server for an editor (standard input and output by default).\n';
        if (unknown !== undefined && unknown !== '-h' && unknown !== '--help') {
            process.stderr.write(`archsight lsp: unknown option '${unknown}'.\n${usage}`);
            process.exitCode = 2;
        } else {
            process.stdout.write(usage);
        }
        return false;
    }
    if (!args.some(arg => transports.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) process.argv.push('--stdio');
    return true;
}
