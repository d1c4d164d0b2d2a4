import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramRequest } from '../../language-server/src/protocol.js';
import { LspClient, messageOf, someMessage } from '../helpers/lsp-client.js';

// The language server never exits on I/O errors: files that vanish, folders and symlink
// loops behind a `.arch` name, documents closed before the server rebuilds them, and
// requests about documents it no longer has. Each case ends with a request that must be
// answered, so a server that died (or stopped answering) fails the test.

let client: LspClient | undefined;
afterEach(async () => {
    if (client?.alive) await client.stop();
    client = undefined;
});

function workspace(files: Record<string, string> = {}): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-io-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
    return folder;
}

const uriOf = (folder: string, name: string) => pathToFileURL(path.join(folder, name)).toString();

/** The server is up and answers: a probe file gets its diagnostics and a symbol request an answer. */
async function expectServing(c: LspClient, folder: string): Promise<void> {
    const probe = uriOf(folder, `probe-${Math.random().toString(36).slice(2)}.arch`);
    await c.open(probe, 'service probe\nprobe -> nowhere\n');
    await c.waitForDiagnostics(probe, someMessage(/^Unknown element 'nowhere'/));
    const symbols = await c.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: probe } });
    expect(symbols).toBeTruthy();
    expect(c.alive).toBe(true);
    // Not even the last line of defence (a logged error instead of an exit) was needed.
    expect(c.stderr.join('')).not.toMatch(/error during/);
}

const closeDoc = (c: LspClient, uri: string) => c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
const changeSettings = (c: LspClient, settings: unknown) => c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { archsight: settings } });
const watched = (c: LspClient, changes: Array<{ uri: string; type: 1 | 2 | 3 }>) => c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });

describe('the language server survives I/O errors', () => {
    test('an Untitled document, closed, then a setting changes', async () => {
        const folder = workspace({ 'a.arch': 'service a\n' });
        ({ client } = await LspClient.start(folder));
        const untitled = 'untitled:Untitled-1';
        await client.open(untitled, 'service u\nu -> missing\n');
        await client.waitForDiagnostics(untitled, someMessage(/missing/));
        await closeDoc(client, untitled);
        await changeSettings(client, { rules: { 'orphan-element': 'off' } });
        await expectServing(client, folder);
    });

    test('an unsaved file editor, closed, then archsight.config.json changes', async () => {
        const folder = workspace({ 'a.arch': 'service a\n', 'archsight.config.json': '{}' });
        ({ client } = await LspClient.start(folder));
        const unsaved = uriOf(folder, 'never-saved.arch');
        await client.open(unsaved, 'service n\nn -> missing\n');
        await client.waitForDiagnostics(unsaved, someMessage(/missing/));
        await closeDoc(client, unsaved);
        writeFileSync(path.join(folder, 'archsight.config.json'), '{"rules":{"orphan-element":"off"}}');
        await watched(client, [{ uri: uriOf(folder, 'archsight.config.json'), type: 2 }]);
        await expectServing(client, folder);
    });

    test('a workspace holding a folder, a symlink loop and a dangling link behind .arch names', async () => {
        const folder = workspace({ 'good.arch': 'service g\n' });
        mkdirSync(path.join(folder, 'folder.arch'));
        symlinkSync(path.join(folder, 'loop-b.arch'), path.join(folder, 'loop-a.arch'));
        symlinkSync(path.join(folder, 'loop-a.arch'), path.join(folder, 'loop-b.arch'));
        symlinkSync(path.join(folder, 'gone.arch'), path.join(folder, 'dangling.arch'));
        ({ client } = await LspClient.start(folder));
        await expectServing(client, folder);
        await watched(client, ['folder.arch', 'loop-a.arch', 'dangling.arch'].map(name => ({ uri: uriOf(folder, name), type: 2 as const })));
        await changeSettings(client, { rules: {} });
        await expectServing(client, folder);
    });

    test('an import that becomes a folder, a loop, or vanishes while its importer is open', async () => {
        const folder = workspace({ 'lib.arch': 'service lib\n' });
        ({ client } = await LspClient.start(folder));
        const main = uriOf(folder, 'main.arch');
        await client.open(main, 'import "./lib.arch"\nservice m\nm -> lib\n');
        await client.waitForDiagnostics(main, d => !d.some(x => /^Unknown element|^Cannot/.test(messageOf(x))));
        rmSync(path.join(folder, 'lib.arch'));
        mkdirSync(path.join(folder, 'lib.arch'));
        await watched(client, [{ uri: uriOf(folder, 'lib.arch'), type: 2 }]);
        await client.waitForDiagnostics(main, someMessage(/^Cannot import '\.\/lib\.arch': the file is a folder, not a file\.$/));
        await expectServing(client, folder);
        rmSync(path.join(folder, 'lib.arch'), { recursive: true });
        symlinkSync(path.join(folder, 'lib.arch'), path.join(folder, 'lib.arch'));
        await watched(client, [{ uri: uriOf(folder, 'lib.arch'), type: 2 }]);
        await changeSettings(client, { rules: {} });
        await client.waitForDiagnostics(main, someMessage(/^Cannot import '\.\/lib\.arch': the file cannot be read: too many levels of symbolic links\.$/));
        await expectServing(client, folder);
        rmSync(path.join(folder, 'lib.arch'));
        await watched(client, [{ uri: uriOf(folder, 'lib.arch'), type: 3 }]);
        await client.waitForDiagnostics(main, someMessage(/^Cannot find imported file '\.\/lib\.arch'/));
        await expectServing(client, folder);
    });

    test('a file deleted on disk and reported as changed', async () => {
        const folder = workspace({ 'a.arch': 'service a\n', 'b.arch': 'import "./a.arch"\nservice b\nb -> a\n' });
        ({ client } = await LspClient.start(folder));
        await expectServing(client, folder);
        rmSync(path.join(folder, 'a.arch'));
        // A watcher may report a change for a file that is gone by the time the server reads it.
        await watched(client, [{ uri: uriOf(folder, 'a.arch'), type: 2 }]);
        await expectServing(client, folder);
    });

    test('requests about documents the server does not have are answered', async () => {
        const folder = workspace({ 'a.arch': 'service a\n' });
        ({ client } = await LspClient.start(folder));
        await expectServing(client, folder);
        const closed = uriOf(folder, 'closed.arch');
        await client.open(closed, 'service c\n');
        await closeDoc(client, closed);
        const position = { line: 0, character: 9 };
        for (const uri of [closed, uriOf(folder, 'never.arch'), 'untitled:Untitled-9', uriOf(folder, 'folder')]) {
            const answers = await Promise.allSettled([
                client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
                client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
                client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
                client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: 'z' }),
                client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }),
                client.connection.sendRequest(DiagramRequest.method, { uri, view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false, renderWhenStale: true }),
            ]);
            expect(answers).toHaveLength(6);
        }
        await expectServing(client, folder);
    });
});
