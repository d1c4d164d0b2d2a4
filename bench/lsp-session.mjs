// Drives the bundled language server over stdio, as an editor does, and times edits.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

export async function startServer(serverPath) {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
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
    connection.onNotification(() => {});
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
    connection.sendNotification('initialized', {});
    const session = {
        connection,
        /** Resolves with the next diagnostics published for `uri`. */
        nextDiagnostics(uri) {
            return new Promise(resolve => waiters.set(uri, resolve));
        },
        async open(file, text) {
            const uri = pathToFileURL(file).toString();
            const published = session.nextDiagnostics(uri);
            connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'arch', version: 1, text } });
            await published;
            return uri;
        },
        async stop() {
            await connection.sendRequest('shutdown');
            connection.sendNotification('exit');
            connection.dispose();
            child.kill();
        },
    };
    return session;
}
