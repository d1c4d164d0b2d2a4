import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { DiagramRequest } from '../../language-server/src/protocol.js';
import { LspClient, someMessage } from '../helpers/lsp-client.js';
import { anyArch } from './arch-arbitraries.js';

// A soak test of the real server over stdio: thousands of random steps as an editor and a
// file system make them (open, edit, close, save, delete, rename, folders and symlink loops
// behind .arch names, settings and config changes), with requests among them. Every
// request is answered, the server never exits, and it logs no error it did not foresee.
const STEPS = 2_500;
const REQUEST_TIMEOUT_MS = 60_000;

let client: LspClient | undefined;
afterAll(async () => {
    if (client?.alive) await client.stop();
});

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed;
    return () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

test(`${STEPS} random steps: every request answered, the server up and quiet`, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-soak-'));
    const names = ['a.arch', 'b.arch', 'c.arch', 'sub/d.arch', 'archsight.config.json'];
    mkdirSync(path.join(folder, 'sub'));
    writeFileSync(path.join(folder, 'a.arch'), 'import "./b.arch"\nservice a\na -> b\n');
    writeFileSync(path.join(folder, 'b.arch'), 'import "./sub/d.arch"\nservice b\n');
    ({ client } = await LspClient.start(folder));
    const c = client;
    const next = random(18);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const texts = [...fc.sample(anyArch, { numRuns: 200, seed: 18 }), 'import "./a.arch"\nimport "./c.arch"\nservice c\nc -> a\n', 'import "./sub/d.arch"\nservice toString\ntoString -> __proto__\nservice __proto__\n'];
    const uriOf = (name: string) => (name.startsWith('untitled:') ? name : pathToFileURL(path.join(folder, name)).toString());
    const open = new Map<string, number>();
    const watched = (changes: Array<{ name: string; type: 1 | 2 | 3 }>) =>
        c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(ch => ({ uri: uriOf(ch.name), type: ch.type })) });
    const requests: Array<Promise<unknown>> = [];
    const answered = (request: Promise<unknown>, what: string) => Promise.race([
        request.then(() => 'answered', () => 'answered with an error'),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} was not answered within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS).unref()),
    ]);

    for (let step = 0; step < STEPS; step++) {
        const action = next();
        const name = pick([...names.filter(n => n.endsWith('.arch')), 'untitled:Untitled-1', 'untitled:Untitled-2']);
        const uri = uriOf(name);
        const file = name.startsWith('untitled:') ? undefined : path.join(folder, name);
        if (action < 0.30) {
            if (open.has(uri)) {
                open.set(uri, open.get(uri)! + 1);
                await c.replace(uri, pick(texts), open.get(uri)!);
            } else {
                open.set(uri, 1);
                await c.open(uri, pick(texts), 1);
            }
        } else if (action < 0.40) {
            if (open.delete(uri)) await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        } else if (action < 0.50 && file) {
            const existed = existsSync(file);
            rmSync(file, { recursive: true, force: true });
            writeFileSync(file, pick(texts));
            await watched([{ name, type: existed ? 2 : 1 }]);
        } else if (action < 0.57 && file) {
            rmSync(file, { recursive: true, force: true });
            await watched([{ name, type: 3 }]);
        } else if (action < 0.62 && file && existsSync(file)) {
            const to = pick(names.filter(n => n.endsWith('.arch') && n !== name));
            rmSync(path.join(folder, to), { recursive: true, force: true });
            renameSync(file, path.join(folder, to));
            await watched([{ name, type: 3 }, { name: to, type: 1 }]);
        } else if (action < 0.65 && file) {
            // A folder or a symlink loop where a file was.
            rmSync(file, { recursive: true, force: true });
            if (next() < 0.5) mkdirSync(file);
            else symlinkSync(file, file);
            await watched([{ name, type: 2 }]);
        } else if (action < 0.72) {
            await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { archsight: { rules: pick<unknown>([{}, { 'orphan-element': 'off' }, { 'deep-sync-chain': { maxDepth: 2 } }, { toString: 'off' }]) } } });
        } else if (action < 0.75) {
            writeFileSync(path.join(folder, 'archsight.config.json'), pick(['{}', '{"rules":{"missing-timeout":"error"}}', '{ broken', '{"rules":{"deep-sync-chain":{"constructor":1}}}']));
            await watched([{ name: 'archsight.config.json', type: 2 }]);
        } else {
            const position = { line: Math.floor(next() * 4), character: Math.floor(next() * 12) };
            const kind = pick(['hover', 'completion', 'documentSymbol', 'diagram', 'formatting', 'rename', 'references']);
            const request = kind === 'diagram'
                ? c.connection.sendRequest(DiagramRequest.method, { uri, view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false, renderWhenStale: true })
                : kind === 'formatting'
                    ? c.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })
                    : kind === 'rename'
                        ? c.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName: 'renamed' })
                        : kind === 'references'
                            ? c.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } })
                            : c.connection.sendRequest(`textDocument/${kind}`, { textDocument: { uri }, position });
            requests.push(answered(request, `${kind} at step ${step}`));
            // Now and then wait for what is under way, as an editor's requests come between keystrokes.
            if (requests.length % 25 === 0) await Promise.all(requests.splice(0));
        }
        expect(c.alive, `the server exited at step ${step}: ${c.stderr.join('')}`).toBe(true);
    }
    await Promise.all(requests);
    const probe = uriOf('probe.arch');
    await c.open(probe, 'service probe\nprobe -> nowhere\n');
    await c.waitForDiagnostics(probe, someMessage(/^Unknown element 'nowhere'/), 120_000);
    expect(c.alive).toBe(true);
    expect(c.stderr.join('')).not.toMatch(/error during|Error:/);
    expect(await c.stop()).toBe(0);
}, 900_000);
