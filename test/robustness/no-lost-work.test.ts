import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Command, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, someMessage } from '../helpers/lsp-client.js';

// Never lose work: the language server changes files only by answering what the user
// asked for (format, quick fix, rename) with edits, one edit per request that the editor
// applies as one undoable step. It writes nothing to disk itself.
const folder = mkdtempSync(path.join(tmpdir(), 'archsight-edits-'));
const FILES: Record<string, string> = {
    'shop.arch': 'import "./payments.arch"\narchitecture "Shop" {\n  service   orders :go\n  orders -> payments\n  orders -> ordrs\n}\n',
    'payments.arch': 'service payments : java\ndatabase paymentsDb\npayments -> paymentsDb\n',
};
const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
let client: LspClient;
let before: Record<string, { text: string; mtimeMs: number }>;

function snapshot(): Record<string, { text: string; mtimeMs: number }> {
    return Object.fromEntries(readdirSync(folder).map(name => {
        const file = path.join(folder, name);
        return [name, { text: readFileSync(file, 'utf8'), mtimeMs: statSync(file).mtimeMs }];
    }));
}

beforeAll(async () => {
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(folder, name), text);
    before = snapshot();
    ({ client } = await LspClient.start(folder));
    for (const [name, text] of Object.entries(FILES)) await client.open(uriOf(name), text);
    await client.waitForDiagnostics(uriOf('shop.arch'), someMessage(/ordrs/));
});

afterAll(async () => {
    if (client?.alive) await client.stop();
});

/** The edits of a workspace edit by document, whichever of its two forms the server uses. */
function editsByDocument(edit: WorkspaceEdit): Record<string, TextEdit[]> {
    if (edit.changes) return edit.changes;
    const result: Record<string, TextEdit[]> = {};
    for (const change of edit.documentChanges ?? []) {
        expect('textDocument' in change).toBe(true); // no file creations, renames or deletions
        if ('textDocument' in change) result[change.textDocument.uri] = change.edits as TextEdit[];
    }
    return result;
}

describe('edits come back as answers, never as writes', () => {
    test('formatting answers with text edits for the one document', async () => {
        const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri: uriOf('shop.arch') }, options: { tabSize: 2, insertSpaces: true },
        });
        expect(edits.length).toBeGreaterThan(0);
        expect(edits.every(e => typeof e.newText === 'string' && e.range.start.line <= e.range.end.line)).toBe(true);
    });

    test('rename answers with one workspace edit that covers every file naming the id', async () => {
        const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: uriOf('shop.arch') }, position: { line: 3, character: 13 }, newName: 'billing',
        });
        const byDocument = editsByDocument(edit);
        expect(Object.keys(byDocument).sort()).toEqual([uriOf('payments.arch'), uriOf('shop.arch')].sort());
        expect(Object.values(byDocument).flat().every(e => e.newText === 'billing')).toBe(true);
    });

    test('quick fixes carry their edit; none runs a command that could write behind the user', async () => {
        const diagnostics = client.diagnostics.get(uriOf('shop.arch'))?.diagnostics ?? [];
        const actions = await client.connection.sendRequest<Array<CodeAction | Command>>('textDocument/codeAction', {
            textDocument: { uri: uriOf('shop.arch') },
            range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
            context: { diagnostics },
        });
        expect(actions.length).toBeGreaterThan(0);
        for (const action of actions) {
            expect('edit' in action && action.edit).toBeTruthy();
            editsByDocument((action as CodeAction).edit!);
        }
    });

    test('after all of it, no file on disk has changed and none was added', () => {
        expect(snapshot()).toEqual(before);
    });
});
