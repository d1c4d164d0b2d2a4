import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';

// `archsight mcp` driven by the official SDK's client over stdio, as a coding assistant does.
let client: Client;
let dir: string;

beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-mcp-'));
    writeFileSync(path.join(dir, 'shop.arch'), [
        'architecture "Shop" {',
        '  gateway api',
        '  service orders',
        '  service payments',
        '  database ordersDb { owner orders }',
        '  api -> orders { timeout 1s }',
        '  orders -> payments { timeout none }',
        '  orders -> ordersDb',
        '  orders -> stock',
        '}',
        '',
    ].join('\n'));
    client = new Client({ name: 'archsight-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [path.join(REPO, 'bin/archsight.cjs'), 'mcp'], cwd: dir, stderr: 'pipe' }));
}, 60_000);

afterAll(async () => {
    await client?.close();
});

async function call(name: string, args: Record<string, unknown>) {
    const result = await client.callTool({ name, arguments: args }) as { content: Array<{ type: string; text: string }>; isError?: boolean };
    return { text: result.content.map(c => c.text).join(''), isError: result.isError === true };
}

describe('archsight mcp', () => {
    test('lists its tools with input schemas', async () => {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name).sort()).toEqual(['blast_radius', 'check', 'diff', 'explain_finding', 'list_elements', 'list_relations', 'render_view']);
        expect(tools.find(t => t.name === 'diff')!.inputSchema).toMatchObject({ type: 'object', required: ['old'] });
        expect(tools.find(t => t.name === 'blast_radius')!.inputSchema).toMatchObject({ type: 'object', required: ['file', 'element'] });
    });

    test('check: the problems of a file, as archsight check prints them', async () => {
        const { text, isError } = await call('check', { file: 'shop.arch' });
        expect(isError).toBe(false);
        expect(text).toContain("shop.arch:9:13  error  Unknown element 'stock'.");
        expect(text).toContain("shop.arch:7:3  warning  Call 'orders' → 'payments' has no timeout");
    });

    test('list_elements and list_relations: the model as JSON', async () => {
        const elements = JSON.parse((await call('list_elements', { file: path.join(dir, 'shop.arch') })).text);
        expect(elements.title).toBe('Shop');
        expect(elements.elements.map((e: { id: string }) => e.id)).toEqual(['api', 'orders', 'payments', 'ordersDb']);
        expect(elements.elements[3]).toMatchObject({ kind: 'database', owner: 'orders' });
        const relations = JSON.parse((await call('list_relations', { file: 'shop.arch' })).text);
        expect(relations.map((r: { source: string; target: string }) => `${r.source}->${r.target}`)).toEqual(['api->orders', 'orders->payments', 'orders->ordersDb']);
    });

    test('blast_radius: what fails with an element', async () => {
        expect(JSON.parse((await call('blast_radius', { file: 'shop.arch', element: 'payments' })).text)).toEqual({ element: 'payments', fails: ['orders', 'api'] });
        expect(await call('blast_radius', { file: 'shop.arch', element: 'nope' })).toEqual({ text: "There is no element or group 'nope' in 'shop.arch'.", isError: true });
    });

    test('explain_finding: the rule, why it matters, and its docs', async () => {
        const relations = JSON.parse((await call('list_relations', { file: 'shop.arch' })).text);
        const explained = (await call('explain_finding', { file: 'shop.arch', id: relations[1].id })).text;
        expect(explained).toContain('**missing-timeout** (warning)');
        expect(explained).toContain('docs/rules/missing-timeout.md');
        expect((await call('explain_finding', { file: 'shop.arch', id: 'ordersDb' })).text).toBe("No rule finds anything on 'ordersDb'.");
    });

    test('render_view: Mermaid by default, SVG on request, focus on one element', async () => {
        expect((await call('render_view', { file: 'shop.arch' })).text).toMatch(/^---\ntitle: "Shop"\n---\nflowchart LR\n/);
        expect((await call('render_view', { file: 'shop.arch', format: 'svg', focus: 'payments' })).text).toMatch(/^<svg /);
    });

    test('diff: two files, as text, Markdown or JSON; the findings the change fixes and introduces', async () => {
        writeFileSync(path.join(dir, 'shop-v2.arch'), readFileSync(path.join(dir, 'shop.arch'), 'utf8')
            .replace('orders -> payments { timeout none }', 'orders -> payments { timeout 500ms }')
            .replace('  orders -> stock\n', '  service stock\n  orders -> stock { timeout 1s }\n'));
        const result = await call('diff', { old: 'shop.arch', new: 'shop-v2.arch' });
        expect(result.isError).toBe(false);
        expect(result.text).toMatch(/^archsight diff shop\.arch → shop-v2\.arch\n/);
        expect(result.text).toContain('+ service stock');
        expect(result.text).toMatch(/fixed.*\n(.*\n)*.*missing-timeout/);
        const json = JSON.parse((await call('diff', { old: 'shop.arch', new: 'shop-v2.arch', format: 'json' })).text);
        expect(json.summary).toMatchObject({ introducedErrors: 0 });
        expect(json.summary.fixed).toBeGreaterThan(0);
        expect((await call('diff', { old: 'shop.arch', new: 'shop-v2.arch', format: 'markdown' })).text).toMatch(/^#+ /m);
    });

    test('diff: a git revision against the working tree; a side that names nothing is an error result', async () => {
        const repo = path.join(dir, 'repo');
        mkdirSync(repo);
        writeFileSync(path.join(repo, 'a.arch'), 'architecture "A" {\n  service orders\n}\n');
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
        git('init', '-q');
        git('add', '.');
        git('commit', '-qm', 'one');
        writeFileSync(path.join(repo, 'a.arch'), 'architecture "A" {\n  service orders\n  service billing\n}\n');
        const inRepo = new Client({ name: 'archsight-test', version: '1.0.0' });
        await inRepo.connect(new StdioClientTransport({ command: process.execPath, args: [path.join(REPO, 'bin/archsight.cjs'), 'mcp'], cwd: repo, stderr: 'pipe' }));
        try {
            const result = await inRepo.callTool({ name: 'diff', arguments: { old: 'HEAD' } }) as { content: Array<{ text: string }>; isError?: boolean };
            expect(result.isError).toBeFalsy();
            expect(result.content[0].text).toMatch(/^archsight diff HEAD → working tree\n/);
            expect(result.content[0].text).toContain('+ service billing');
        } finally {
            await inRepo.close();
        }
        expect(await call('diff', { old: 'nothing-here', new: 'shop.arch' })).toEqual({ text: "'nothing-here' is neither a file or folder nor a git revision (not in a git repository).", isError: true });
    });

    test('an unknown option: our words, exit 2', () => {
        expect(runCli(['mcp', '--port', '3000'], dir)).toMatchObject({ code: 2, stderr: "archsight mcp: unknown option '--port'. Run 'archsight mcp --help' for its options.\n" });
    });

    test('a file that is not there: an error result, and the server stays up', async () => {
        expect(await call('check', { file: 'gone.arch' })).toEqual({ text: "No such file or folder: 'gone.arch'.", isError: true });
        expect((await call('check', { file: 'shop.arch' })).isError).toBe(false);
    });
});
