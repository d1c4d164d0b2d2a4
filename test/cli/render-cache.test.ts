import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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

const layouts = (folder: string) => readdirSync(path.join(dir, folder)).filter(name => name.endsWith('.json')).sort();
/** The drawings `--cache` kept (render-memo.ts). */
const drawings = (folder: string) => (existsSync(path.join(dir, folder, 'renders')) ? readdirSync(path.join(dir, folder, 'renders')) : []);
/** Deletes the layouts, so that a run that lays out again leaves one: a replayed drawing leaves none. */
const dropLayouts = (folder: string) => { for (const file of layouts(folder)) rmSync(path.join(dir, folder, file)); };
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
        rmSync(path.join(dir, 'damaged', 'renders'), { recursive: true });
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

    test('an unchanged drawing is written again from the cache without being laid out or drawn', () => {
        const first = render('--cache-location', 'replay');
        expect([first.code, first.stderr, drawings('replay')]).toEqual([0, '', [expect.stringMatching(/^[0-9a-f]{64}\.json$/)]]);
        dropLayouts('replay');
        const again = render('--cache-location', 'replay');
        expect([again.code, again.stdout, again.stderr]).toEqual([0, first.stdout, '']);
        expect(layouts('replay')).toEqual([]);
        // Other arguments are another drawing.
        const dark = render('--cache-location', 'replay', '--theme', 'dark');
        expect(dark.stdout).not.toBe(first.stdout);
        expect(layouts('replay')).toHaveLength(1);
    });

    test('a changed import, or a config file that appears above the file, draws anew', () => {
        const folder = path.join(dir, 'imports');
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, 'data.arch'), 'architecture "Data" {\n  database ordersDb\n}\n');
        writeFileSync(path.join(folder, 'shop.arch'), 'import "./data.arch"\n\narchitecture "Shop" {\n  client web\n  service orders : go\n  web -> orders\n  orders -> ordersDb\n}\n');
        const run = () => runCli(['render', 'imports/shop.arch', '--cache-location', 'imported'], dir);
        const first = run();
        expect([first.code, first.stderr]).toEqual([0, '']);
        expect(first.stdout).toContain('missing-health-check');
        writeFileSync(path.join(folder, 'data.arch'), 'architecture "Data" {\n  database ordersDb\n  queue events : kafka\n}\n');
        const changed = run();
        expect(changed.stdout).toContain('data-id="events"');
        writeFileSync(path.join(dir, 'archsight.config.json'), '{ "rules": { "missing-health-check": "off" } }');
        try {
            const configured = run();
            expect(configured.stdout).not.toContain('missing-health-check');
            expect(configured.stdout).toBe(runCli(['render', 'imports/shop.arch'], dir).stdout);
        } finally {
            rmSync(path.join(dir, 'archsight.config.json'));
        }
        expect(run().stdout).toBe(changed.stdout);
    });

    test('a kept drawing written to a file keeps the rules of -o: no overwrite without --force, never over a source', () => {
        const first = render('--cache-location', 'files', '-o', 'shop.svg');
        expect([first.code, first.stderr]).toEqual([0, '']);
        const svg = readFileSync(path.join(dir, 'shop.svg'), 'utf8');
        dropLayouts('files');
        const refused = render('--cache-location', 'files', '-o', 'shop.svg');
        expect([refused.code, refused.stderr]).toEqual([2, "archsight render: 'shop.svg' already exists; use --force to overwrite it.\n"]);
        writeFileSync(path.join(dir, 'shop.svg'), 'old');
        const forced = render('--cache-location', 'files', '-o', 'shop.svg', '--force');
        expect([forced.code, readFileSync(path.join(dir, 'shop.svg'), 'utf8')]).toEqual([0, svg]);
        expect(layouts('files')).toEqual([]);
        rmSync(path.join(dir, 'shop.svg'));
        linkSync(path.join(dir, 'shop.arch'), path.join(dir, 'shop.svg'));
        try {
            const overSource = render('--cache-location', 'files', '-o', 'shop.svg', '--force');
            expect(overSource.code).toBe(2);
            expect(overSource.stderr).toContain('Refusing to write the diagram over its own source');
            expect(readFileSync(path.join(dir, 'shop.arch'), 'utf8')).toBe(SHOP);
        } finally {
            rmSync(path.join(dir, 'shop.svg'));
        }
    });

    test('a PNG is kept as bytes, and a file with errors is drawn but not kept', () => {
        const png = render('--cache-location', 'png', '-o', 'shop.png', '--force');
        expect(png.code).toBe(0);
        const bytes = readFileSync(path.join(dir, 'shop.png'));
        rmSync(path.join(dir, 'shop.png'));
        dropLayouts('png');
        expect(render('--cache-location', 'png', '-o', 'shop.png').code).toBe(0);
        expect(readFileSync(path.join(dir, 'shop.png')).equals(bytes)).toBe(true);
        expect(layouts('png')).toEqual([]);
        writeFileSync(path.join(dir, 'broken.arch'), 'architecture "Broken" {\n  service a\n  a -> nowhere\n}\n');
        const broken = runCli(['render', 'broken.arch', '--cache-location', 'errors'], dir);
        expect(broken.code).toBe(1);
        expect(broken.stderr).toContain("nowhere");
        expect(drawings('errors')).toEqual([]);
        expect(runCli(['render', 'broken.arch', '--cache-location', 'errors'], dir)).toEqual(broken);
    });

    test('keeps the 500 layouts and 100 drawings used last: older entries go, other files stay', () => {
        const folder = path.join(dir, 'pruned');
        const entry = (n: number) => `${createHash('sha256').update(`old ${n}`).digest('hex')}.json`;
        mkdirSync(path.join(folder, 'renders'), { recursive: true });
        // Older entries, the first the oldest: 510 layouts and 105 drawings.
        for (let n = 0; n < 510; n++) {
            writeFileSync(path.join(folder, entry(n)), '{}');
            utimesSync(path.join(folder, entry(n)), 1_000_000 + n, 1_000_000 + n);
            if (n >= 105) continue;
            writeFileSync(path.join(folder, 'renders', entry(n)), '{}');
            utimesSync(path.join(folder, 'renders', entry(n)), 1_000_000 + n, 1_000_000 + n);
        }
        writeFileSync(path.join(folder, 'README.txt'), 'not an entry');
        const r = render('--cache-location', 'pruned');
        expect([r.code, r.stderr]).toEqual([0, '']);
        const kept = layouts('pruned');
        expect(kept).toHaveLength(500);
        // This run's layout is among them; the oldest went.
        expect(kept.filter(name => !Array.from({ length: 510 }, (_, n) => entry(n)).includes(name))).toHaveLength(1);
        expect(kept).not.toContain(entry(10));
        expect(kept).toContain(entry(11));
        expect(drawings('pruned')).toHaveLength(100);
        expect(drawings('pruned')).not.toContain(entry(5));
        expect(drawings('pruned')).toContain(entry(6));
        expect(readFileSync(path.join(folder, 'README.txt'), 'utf8')).toBe('not an entry');
    });

    test('a replayed drawing counts as used, so pruning keeps it', () => {
        const first = render('--cache-location', 'used');
        const [kept] = drawings('used');
        const file = path.join(dir, 'used', 'renders', kept);
        utimesSync(file, 1_000_000, 1_000_000);
        const again = render('--cache-location', 'used');
        expect([again.code, again.stdout]).toEqual([0, first.stdout]);
        expect(statSync(file).mtimeMs).toBeGreaterThan(1_000_000_000);
    });

    test('a damaged kept drawing is drawn anew and replaced', () => {
        const good = render('--cache-location', 'damaged-drawing');
        for (const file of drawings('damaged-drawing')) writeFileSync(path.join(dir, 'damaged-drawing', 'renders', file), '{"key":');
        const again = render('--cache-location', 'damaged-drawing');
        expect([again.code, again.stdout, again.stderr]).toEqual([0, good.stdout, '']);
        for (const file of drawings('damaged-drawing')) expect(JSON.parse(readFileSync(path.join(dir, 'damaged-drawing', 'renders', file), 'utf8')).output.text).toBe(good.stdout);
    });
});
