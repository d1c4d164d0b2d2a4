import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { allText, elementsOf, groupsWithClass, parseSvg } from '../diagram/diagram-helpers.js';

let dir: string;
const SHOP = 'architecture "Shop" {\n  client web\n  gateway edge : kong\n  service orders : go\n  database ordersDb\n  metrics prom\n  web -> edge\n  edge -> orders\n  orders -> ordersDb\n  orders ..> prom\n}\n';

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-render-'));
    writeFileSync(path.join(dir, 'shop.arch'), SHOP);
    writeFileSync(path.join(dir, 'broken.arch'), 'architecture "Broken" {\n  service orders\n  orders -> nowhere\n}\n');
    writeFileSync(path.join(dir, 'existing.svg'), 'keep me');
});

const ids = (svg: string, cls: string) => groupsWithClass(parseSvg(svg), cls).map(g => g.getAttribute('data-id'));

describe('archsight render', () => {
    test('writes the diagram to a file, quietly, exit 0', () => {
        const r = runCli(['render', 'shop.arch', '-o', 'shop.svg'], dir);
        expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
        const svg = readFileSync(path.join(dir, 'shop.svg'), 'utf8');
        expect(ids(svg, 'node')).toEqual(['web', 'edge', 'orders', 'ordersDb', 'prom']);
        expect(ids(svg, 'edge')).toEqual(['web->edge', 'edge->orders', 'orders->ordersDb', 'orders..>prom']);
        expect(groupsWithClass(parseSvg(svg), 'legend')).toHaveLength(1);
    });

    test('without -o the SVG goes to standard output', () => {
        const r = runCli(['render', 'shop.arch', '--no-legend'], dir);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="archsight-diagram theme-light direction-(right|down)"/);
        expect(groupsWithClass(parseSvg(r.stdout), 'legend')).toEqual([]);
    });

    test('refuses to overwrite an existing file unless told to with --force', () => {
        const refused = runCli(['render', 'shop.arch', '-o', 'existing.svg'], dir);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe("archsight render: 'existing.svg' already exists; use --force to overwrite it.\n");
        expect(readFileSync(path.join(dir, 'existing.svg'), 'utf8')).toBe('keep me');
        const forced = runCli(['render', 'shop.arch', '-o', 'existing.svg', '--force'], dir);
        expect(forced.code).toBe(0);
        expect(readFileSync(path.join(dir, 'existing.svg'), 'utf8')).toMatch(/^<svg /);
    });

    test('--theme dark embeds the dark stylesheet; the default is light', () => {
        const css = (svg: string) => elementsOf(parseSvg(svg), 'style').map(allText).join('');
        const dark = runCli(['render', 'shop.arch', '--theme', 'dark'], dir);
        expect(dark.stdout).toContain('theme-dark');
        expect(css(dark.stdout)).toContain('.diagram-background { fill: #1e1e1e; }');
        expect(css(runCli(['render', 'shop.arch'], dir).stdout)).toContain('.diagram-background { fill: #ffffff; }');
    }, 180_000);

    test('--view, --focus and --direction choose what is drawn and how', () => {
        expect(ids(runCli(['render', 'shop.arch', '--view', 'observability'], dir).stdout, 'node')).toEqual(['orders', 'prom']);
        expect(ids(runCli(['render', 'shop.arch', '--focus', 'edge'], dir).stdout, 'node')).toEqual(['web', 'edge', 'orders']);
        expect(runCli(['render', 'shop.arch', '--direction', 'down'], dir).stdout).toContain('direction-down');
    }, 180_000);

    test('a file with errors is drawn as far as it goes, with the errors on stderr and exit 1', () => {
        const r = runCli(['render', 'broken.arch', '-o', 'broken.svg'], dir);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^broken\.arch:3:13 {2}error {2}Unknown element 'nowhere'/);
        expect(ids(readFileSync(path.join(dir, 'broken.svg'), 'utf8'), 'node')).toEqual(['orders']);
    });

    test('usage and I/O problems: one line, exit 2, nothing written', () => {
        const cases: Array<[string[], string]> = [
            [['render', 'missing.arch', '-o', 'missing.svg'], "archsight render: No such file or folder: 'missing.arch'.\n"],
            [['render'], 'archsight render: No file given. Try: archsight render <file.arch> -o diagram.svg\n'],
            [['render', 'shop.arch', '--theme', 'pink'], "archsight render: Unknown theme 'pink'; use one of light, dark.\n"],
            [['render', 'shop.arch', '--view', 'some'], "archsight render: There is no view 'some' in 'shop.arch': the fixed ones are all, calls, messaging, observability.\n"],
            [['render', 'shop.arch', '--focus', 'nosuch'], "archsight render: There is no element or group 'nosuch' in 'shop.arch'.\n"],
            [['render', 'shop.arch', '-o', 'no/such/folder/x.svg'], "archsight render: Cannot write 'no/such/folder/x.svg': its folder does not exist.\n"],
            [['render', 'shop.arch', '-o', 'shop.arch', '--force'], "archsight render: Refusing to write the diagram over its own source 'shop.arch'.\n"],
            [['render', 'shop.arch', '--level', 'deep'], "archsight render: Unknown level 'deep'; use auto, full or a number (0: every group closed).\n"],
            [['render', 'shop.arch', '--expand', 'nosuch'], "archsight render: There is no group 'nosuch' to expand in 'shop.arch'.\n"],
            [['render', 'shop.arch', '--pane', 'wide'], "archsight render: Pane 'wide' is not a size such as 800x1000 (width x height in pixels, at least 100 each).\n"],
        ];
        for (const [args, message] of cases) {
            const r = runCli(args, dir);
            expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', message]);
        }
        expect(existsSync(path.join(dir, 'missing.svg'))).toBe(false);
        expect(readFileSync(path.join(dir, 'shop.arch'), 'utf8')).toBe(SHOP);
    }, 180_000);

    test('--level closes groups, drawn with their counts, --expand opens one; findings are badges unless --no-findings', () => {
        writeFileSync(path.join(dir, 'groups.arch'), 'architecture "Groups" {\n  client web\n  system shop "Shop" {\n    service orders\n    service payments\n  }\n  stack obs { metrics prom }\n  web -> orders\n  orders -> payments\n  orders ..> prom\n}\n');
        const closed = runCli(['render', 'groups.arch', '--level', '0', '--no-legend'], dir);
        expect(closed.code).toBe(0);
        expect(ids(closed.stdout, 'collapsed')).toEqual(['shop', 'obs']);
        const expanded = runCli(['render', 'groups.arch', '--level', '0', '--expand', 'shop', '--no-legend'], dir);
        expect(ids(expanded.stdout, 'collapsed')).toEqual(['obs']);
        expect(ids(expanded.stdout, 'node')).toEqual(['web', 'orders', 'payments']);
        // payments: a single replica that others depend on, or no telemetry: some finding the reviewer reports.
        const full = runCli(['render', 'groups.arch', '--level', 'full'], dir);
        expect(groupsWithClass(parseSvg(full.stdout), 'finding-badge').length).toBeGreaterThan(0);
        const quiet = runCli(['render', 'groups.arch', '--level', 'full', '--no-findings'], dir);
        expect(groupsWithClass(parseSvg(quiet.stdout), 'finding-badge')).toEqual([]);
    }, 180_000);

    test('is listed in the help, with its own help', () => {
        expect(runCli(['--help'], dir).stdout).toContain('render <file.arch> [-o out.svg]');
        const help = runCli(['render', '--help'], dir);
        expect(help.code).toBe(0);
        expect(help.stdout).toContain('--theme <light|dark>');
    });
});
