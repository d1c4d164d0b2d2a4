import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagramRequest, type DiagramResponse } from '../../language-server/src/protocol.js';
import { LspClient, messageOf, someMessage } from '../helpers/lsp-client.js';
import { anyArch } from './arch-arbitraries.js';

// The language server stays up: the real bundle over stdio, fed hostile edits the way an
// editor sends them, keeps publishing diagnostics and answering requests, then exits cleanly.
let client: LspClient;
const folder = mkdtempSync(path.join(tmpdir(), 'archsight-lsp-'));
const uri = pathToFileURL(path.join(folder, 'hostile.arch')).toString();

beforeAll(async () => {
    ({ client } = await LspClient.start(folder));
});

afterAll(async () => {
    if (client?.alive) await client.stop();
});

/** Hostile texts and what their diagnostics say, so that a wait knows which answer is the one. */
const HOSTILE: ReadonlyArray<[string, string, RegExp]> = [
    ['1.5 MB file', 'service a\n'.repeat(150_000), /^File too large to analyse/],
    ['1,000 nested groups', Array.from({ length: 1_000 }, (_, i) => `system g${i} {`).join('\n') + '}'.repeat(1_000), /^Groups nested deeper than 100 levels/],
    ['5,000 syntax errors', 'a ->'.repeat(5_000), /^More than 100 syntax errors/],
    ['unterminated strings', '"\\'.repeat(10_000), /^A string starts here and never ends/],
    ['a file that imports itself', 'import "./hostile.arch"\nservice a\na -> a\n', /^A file cannot import itself/],
    ['markup and control characters', 'service x "<script>alert(1)</script>\u0000\u202e]]></svg>" : "\ud800"\nx -> nowhere', /^Unknown element 'nowhere'/],
];

describe('the language server over stdio', () => {
    let version = 1;

    test('publishes diagnostics for a document it is given', async () => {
        await client.open(uri, 'architecture "Shop" {\n  service orders\n  orders -> paymnts\n}\n', version);
        const diagnostics = await client.waitForDiagnostics(uri, someMessage(/paymnts/));
        expect(diagnostics.map(messageOf)).toContain("Unknown element 'paymnts'. Declare it, or import the file that declares it.");
    });

    test.each(HOSTILE)('%s: diagnostics arrive and the server stays up', async (_name, text, expected) => {
        await client.replace(uri, text, ++version);
        const diagnostics = await client.waitForDiagnostics(uri, someMessage(expected));
        expect(diagnostics.map(messageOf).filter(m => /internal error|An error occurred/i.test(m))).toEqual([]);
        expect(client.alive).toBe(true);
    });

    test('requests on hostile text are answered, not fatal', async () => {
        for (const [, text, expected] of HOSTILE) {
            await client.replace(uri, text, ++version);
            await client.waitForDiagnostics(uri, someMessage(expected));
            const position = { line: 0, character: 5 };
            // A request may fail on its own; it must get an answer and leave the server running.
            const answers = await Promise.allSettled([
                client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
                client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
                client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
                client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }),
                client.connection.sendRequest(DiagramRequest.method, { uri, view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false, renderWhenStale: true }),
            ]);
            expect(answers).toHaveLength(5);
            const diagram = answers[4];
            if (diagram.status === 'fulfilled') expect((diagram.value as DiagramResponse).uri).toBe(uri);
            expect(client.alive).toBe(true);
        }
    });

    test('a burst of random edits, typed faster than analysed: the last version is answered', async () => {
        const edits = fc.sample(anyArch, { numRuns: 40, seed: 7 });
        for (const text of edits) await client.replace(uri, text, ++version);
        await client.replace(uri, 'service last\nlast -> gone\n', ++version);
        await client.waitForDiagnostics(uri, someMessage(/^Unknown element 'gone'/));
        expect(client.alive).toBe(true);
    });

    test('after all that, a good file gets exactly its own diagnostics', async () => {
        await client.replace(uri, 'architecture "Shop" {\n  service orders\n  service payments\n  orders -> paymnts\n}\n', ++version);
        const diagnostics = await client.waitForDiagnostics(uri, someMessage(/paymnts/));
        expect(diagnostics.filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}: ${messageOf(d)}`))
            .toEqual(["4: Unknown element 'paymnts'. Did you mean 'payments'?"]);
    });

    test('shutdown and exit end the process with code 0', async () => {
        expect(await client.stop()).toBe(0);
        expect(client.alive).toBe(false);
    });
});
