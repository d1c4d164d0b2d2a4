// Drives the bundled language server over stdio, as an editor does.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const now = () => performance.now();

/**
 * Starts the server and runs `initialize`. `startup` says how long the spawn took until
 * the server answered `initialize`: the part of the extension's activation that waits
 * for the server. `nodeArgs` and `env` go to the server's process.
 */
export async function startServer(serverPath, { nodeArgs: extraArgs = [], env, initializationOptions } = {}) {
    const started = now();
    // BENCH_SERVER_ARGS passes Node options to the server, e.g. `--cpu-prof` to profile it.
    const nodeArgs = [...(process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? []), ...extraArgs];
    const child = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters = new Map();
    connection.onNotification('textDocument/publishDiagnostics', params => {
        const waiter = waiters.get(params.uri);
        if (waiter) {
            waiters.delete(params.uri);
            waiter(params);
        }
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => {});
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null, ...(initializationOptions ? { initializationOptions } : {}) });
    const initializedMs = now() - started;
    connection.sendNotification('initialized', {});
    const versions = new Map();
    const session = {
        connection,
        startup: { initializedMs, started },
        /** Resolves with the next diagnostics published for `uri`. */
        nextDiagnostics(uri) {
            return new Promise(resolve => waiters.set(uri, resolve));
        },
        async open(file, text) {
            const uri = pathToFileURL(file).toString();
            const published = session.nextDiagnostics(uri);
            versions.set(uri, 1);
            connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arch', version: 1, text } });
            await published;
            return uri;
        },
        /** Replaces `length` characters at `offset` of `text` (the document's current text) with `insert`. */
        change(uri, text, offset, length, insert) {
            const version = versions.get(uri) + 1;
            versions.set(uri, version);
            const start = offsetToPosition(text, offset);
            const end = offsetToPosition(text, offset + length);
            connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: insert }] });
            return text.slice(0, offset) + insert + text.slice(offset + length);
        },
        /** The preview's request (see language-server/src/protocol.ts, DiagramRequest). */
        diagram(uri, options = {}) {
            return connection.sendRequest('archsight/diagram', { uri, view: 'all', direction: 'RIGHT', theme: 'vscode', legend: true, ...options });
        },
        async stop() {
            await connection.sendRequest('shutdown');
            connection.sendNotification('exit');
            // Let it exit on its own (a profile is written on exit); kill it if it does not.
            const exited = new Promise(resolve => child.once('exit', resolve));
            const timer = setTimeout(() => child.kill(), 5_000);
            await exited;
            clearTimeout(timer);
            connection.dispose();
        },
    };
    return session;
}

export function offsetToPosition(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}
