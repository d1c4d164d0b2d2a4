import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO, runCli, type CliResult } from '../helpers/cli.js';

let dir: string;
const SHOP = 'architecture "Shop" {\n  client web\n  gateway edge : kong\n  service orders : go\n  database ordersDb\n  web -> edge\n  edge -> orders\n  orders -> ordersDb\n}\n';

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-render-cache-'));
    writeFileSync(path.join(dir, 'shop.arch'), SHOP);
});

const layouts = (folder: string) => readdirSync(path.join(dir, folder)).sort();
const render = (...args: string[]) => runCli(['render', 'shop.arch', '--direction', 'down', '--level', 'full', ...args], dir);

/** Runs the CLI without waiting for it, so that two can run at once. */
function startCli(args: readonly string[]): Promise<CliResult> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [path.join(REPO, 'bin/archsight.cjs'), ...args], { cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => (stdout += chunk));
        child.stderr.on('data', chunk => (stderr += chunk));
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}

describe('archsight render --cache', () => {
    test('keeps the layout in .archsight-cache and draws the same diagram from it', () => {
        const uncached = render();
        const first = render('--cache');
        expect([first.code, first.stderr]).toEqual([0, '']);
        expect(layouts('.archsight-cache')).toHaveLength(1);
        const second = render('--cache');
        expect(second.stdout).toBe(first.stdout);
        expect(first.stdout).toBe(uncached.stdout);
        expect(layouts('.archsight-cache')).toHaveLength(1);
    });

    test('a changed file is laid out anew, not drawn from the old layout', () => {
        const before = render('--cache-location', 'changed');
        writeFileSync(path.join(dir, 'shop.arch'), SHOP.replace('  orders -> ordersDb\n', '  orders -> ordersDb\n  service billing : go\n  orders -> billing\n'));
        try {
            const after = render('--cache-location', 'changed');
            expect(after.code).toBe(0);
            expect(after.stdout).not.toBe(before.stdout);
            expect(after.stdout).toContain('data-id="billing"');
            expect(after.stdout).toBe(render().stdout);
            expect(layouts('changed')).toHaveLength(2);
        } finally {
            writeFileSync(path.join(dir, 'shop.arch'), SHOP);
        }
    });

    test('damaged cache files are laid out again and replaced', () => {
        const good = render('--cache-location', 'damaged');
        for (const file of layouts('damaged')) writeFileSync(path.join(dir, 'damaged', file), '{"key":"');
        const again = render('--cache-location', 'damaged');
        expect([again.code, again.stdout]).toEqual([0, good.stdout]);
        for (const file of layouts('damaged')) expect(JSON.parse(readFileSync(path.join(dir, 'damaged', file), 'utf8')).layout.id).toBe('root');
    });

    test('two renders writing one cache at once both draw the diagram, and leave whole files', async () => {
        const args = ['render', 'shop.arch', '--cache-location', 'shared'];
        const [a, b] = await Promise.all([startCli(args), startCli(args)]);
        expect([a.code, b.code]).toEqual([0, 0]);
        expect(a.stdout).toBe(b.stdout);
        const files = layouts('shared');
        expect(files.every(f => /^[0-9a-f]{64}\.json$/.test(f))).toBe(true);
        for (const file of files) expect(() => JSON.parse(readFileSync(path.join(dir, 'shared', file), 'utf8'))).not.toThrow();
        expect(runCli(args, dir).stdout).toBe(a.stdout);
    }, 120_000);

    test('a cache location that is a file is refused with one line, nothing drawn', () => {
        writeFileSync(path.join(dir, 'taken'), 'a file');
        const r = render('--cache-location', 'taken');
        expect([r.code, r.stdout]).toEqual([2, '']);
        expect(r.stderr).toBe("archsight render: The cache location 'taken' is a file; give a folder (default: .archsight-cache).\n");
    });
});
