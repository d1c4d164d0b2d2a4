import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { LspClient, messageOf, someMessage } from '../helpers/lsp-client.js';

// `archsight lsp` is how Neovim, Helix, Zed and other editors start the server.
const BIN = path.join(REPO, 'bin/archsight.cjs');

async function session(args: string[]) {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-cli-lsp-'));
    writeFileSync(path.join(folder, 'payments.arch'), 'service payments\n');
    const { client, capabilities } = await LspClient.start(folder, [BIN, ...args]);
    const uri = pathToFileURL(path.join(folder, 'shop.arch')).toString();
    await client.open(uri, 'import "./payments.arch"\nservice orders\norders -> payments\norders -> shipping\n');
    const diagnostics = await client.waitForDiagnostics(uri, someMessage(/shipping/));
    const hover = await client.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 12 } });
    const code = await client.stop();
    return { capabilities, diagnostics: diagnostics.map(messageOf), hover, code, stderr: client.stderr.join('') };
}

describe('archsight lsp', () => {
    test('--stdio: a language server over standard input and output, across imported files', async () => {
        const run = await session(['lsp', '--stdio']);
        expect(run.capabilities).toMatchObject({ hoverProvider: true, completionProvider: expect.anything(), definitionProvider: true });
        expect(run.diagnostics).toContain("Unknown element 'shipping'. Declare it, or import the file that declares it.");
        expect(run.diagnostics.filter(m => m.startsWith("Unknown element 'payments'"))).toEqual([]);
        expect(JSON.stringify(run.hover)).toContain('payments');
        expect(run.code).toBe(0);
    });

    test('without a transport option it speaks over stdio too', async () => {
        const run = await session(['lsp']);
        expect(run.diagnostics).toContain("Unknown element 'shipping'. Declare it, or import the file that declares it.");
        expect(run.code).toBe(0);
    });

    test('an unknown option: a one-line error, the usage and exit code 2', () => {
        const run = runCli(['lsp', '--tcp']);
        expect(run.code).toBe(2);
        expect(run.stderr.split('\n')[0]).toBe("archsight lsp: unknown option '--tcp'.");
        expect(run.stdout).toBe('');
    });
});
