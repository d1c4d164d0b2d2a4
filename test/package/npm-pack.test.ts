import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO } from '../helpers/cli.js';

// What a user gets from `npm pack` (the bundles the test setup built; `prepack` builds them
// for a real pack), installed into an empty project with no other dependency.
let packed: { files: Array<{ path: string }>; filename: string };
let project: string;

function run(command: string, args: string[], cwd: string) {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function archsight(...args: string[]) {
    return run(process.execPath, [path.join(project, 'node_modules/.bin/archsight'), ...args], project);
}

beforeAll(() => {
    const folder = mkdtempSync(path.join(tmpdir(), 'archsight-pack-'));
    const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], REPO);
    expect(pack.stderr).not.toMatch(/ERR!/);
    [packed] = JSON.parse(pack.stdout);
    project = path.join(folder, 'project');
    run('mkdir', [project], folder);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-archsight', private: true }));
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(folder, packed.filename)], project);
    expect(install.code, install.stderr).toBe(0);
    writeFileSync(path.join(project, 'shop.arch'), 'architecture "Shop" {\n  service orders\n  database ordersDb\n  orders -> ordersDb\n}\n');
    writeFileSync(path.join(project, 'broken.arch'), 'service orders\norders -> payments\n');
}, 180_000);

describe('the npm package', () => {
    test('ships the bundles, the bin, the docs and the licence, and not the sources or the extension', () => {
        const files = packed.files.map(file => file.path);
        expect(files).toEqual(expect.arrayContaining([
            'bin/archsight.cjs', 'bin/code-cache.cjs', 'out/cli.cjs', 'out/elk-worker.cjs', 'out/elk.bundled.js', 'out/language-server.cjs', 'out/mcp.cjs', 'out/replay.cjs',
            'out/png/resvg.wasm', 'out/png/DejaVuSans.ttf', 'out/png/DejaVuSans-Bold.ttf', 'out/png/DejaVu-LICENSE.txt',
            'schemas/archsight.config.schema.json', 'schemas/archsight.model.schema.json',
            'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'docs/language.md',
        ]));
        expect(files.filter(file => /^(language-server|extension|test|node_modules|scripts)\//.test(file) || file.endsWith('.map'))).toEqual([]);
        expect(files).not.toContain('out/extension.cjs');
    });

    test('installs without runtime dependencies', () => {
        const installed = JSON.parse(readFileSync(path.join(project, 'node_modules/archsight/package.json'), 'utf8'));
        expect(installed.dependencies ?? {}).toEqual({});
        expect(run('npm', ['ls', '--all', '--parseable'], project).stdout.trim().split('\n').map(line => path.relative(project, line)))
            .toEqual(['', 'node_modules/archsight']);
    });

    test('checks a model from the installed package', () => {
        expect(archsight('check', 'shop.arch', '--rule', 'missing-timeout=off')).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems.\n' });
        const broken = archsight('check', 'broken.arch');
        expect(broken.code).toBe(1);
        expect(broken.stdout).toContain("broken.arch:2:11  error  Unknown element 'payments'.");
    });

    test('renders an SVG from the installed package', () => {
        const render = archsight('render', 'shop.arch', '-o', 'shop.svg');
        expect(render).toMatchObject({ code: 0, stderr: '' });
        const svg = readFileSync(path.join(project, 'shop.svg'), 'utf8');
        expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svg).toContain('>orders<');
        expect(svg).toContain('>ordersDb<');
    });

    test("ships ELK's code cache, and a render that finds none writes it whole before it exits", () => {
        expect(packed.files.map(file => file.path)).toContain('out/elk.bundled.js.cache');
        const out = path.join(project, 'node_modules/archsight/out');
        rmSync(path.join(out, 'elk.bundled.js.cache'));
        expect(archsight('render', 'shop.arch', '-o', 'again.svg')).toMatchObject({ code: 0, stderr: '' });
        // The layout thread used to be stopped while writing: a partial file stayed and no cache arrived.
        expect(readdirSync(out).filter(name => name.startsWith('elk.bundled.js.cache'))).toEqual(['elk.bundled.js.cache']);
        expect(statSync(path.join(out, 'elk.bundled.js.cache')).size).toBeGreaterThan(100_000);
    });

    test('writes an unchanged drawing again from --cache without laying it out', () => {
        const first = archsight('render', 'shop.arch', '--cache');
        expect(first).toMatchObject({ code: 0, stderr: '' });
        const cache = path.join(project, '.archsight-cache');
        for (const name of readdirSync(cache)) if (name.endsWith('.json')) rmSync(path.join(cache, name));
        expect(archsight('render', 'shop.arch', '--cache')).toEqual(first);
        expect(readdirSync(cache)).toEqual(['renders']);
    });

    test('renders a PNG from the installed package, with its text', () => {
        expect(archsight('render', 'shop.arch', '--no-legend', '-o', 'shop.png')).toMatchObject({ code: 0, stderr: '' });
        const png = PNG.sync.read(readFileSync(path.join(project, 'shop.png')));
        expect(png.width).toBeGreaterThan(100);
        let text = 0;
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 0x30 && png.data[i + 1] < 0x30 && png.data[i + 2] < 0x38) text++;
        expect(text).toBeGreaterThan(100);
    }, 60_000);

    test('has the language server and the MCP server in the installed package', () => {
        expect(archsight('lsp', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: archsight lsp') });
        expect(archsight('mcp', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: archsight mcp') });
    });
});
