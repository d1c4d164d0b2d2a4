import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PNG } from 'pngjs';
import { REPO, runCli } from '../helpers/cli.js';

// `archsight render --format`, and the format picked by -o's extension.
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-formats-'));
    writeFileSync(path.join(dir, 'shop.arch'), 'architecture "Shop" {\n  system core {\n    service orders\n    database ordersDb\n  }\n  orders -> ordersDb\n}\n');
});

describe('archsight render --format', () => {
    test('-o picks the format by extension: .mmd Mermaid, .drawio draw.io, .json the model', () => {
        for (const name of ['shop.mmd', 'shop.drawio', 'shop.json']) expect(runCli(['render', 'shop.arch', '--direction', 'right', '-o', name], dir)).toMatchObject({ code: 0, stdout: '', stderr: '' });
        expect(readFileSync(path.join(dir, 'shop.mmd'), 'utf8')).toMatch(/^---\ntitle: "Shop"\n---\nflowchart LR\n {2}subgraph n0\["core \[system\]"\]\n/);
        expect(readFileSync(path.join(dir, 'shop.drawio'), 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mxfile host="archsight">/);
        expect(JSON.parse(readFileSync(path.join(dir, 'shop.json'), 'utf8'))).toMatchObject({ version: 1, title: 'Shop', relations: [{ source: 'orders', target: 'ordersDb' }] });
    });

    test('Mermaid follows the direction the layout chose', () => {
        expect(runCli(['render', 'shop.arch', '--direction', 'down', '--format', 'mermaid'], dir).stdout).toContain('flowchart TB');
    });

    test('--format wins over the extension, and writes to standard output without -o', () => {
        expect(runCli(['render', 'shop.arch', '--direction', 'right', '--format', 'mermaid'], dir).stdout).toContain('flowchart LR');
        expect(runCli(['render', 'shop.arch', '--format', 'json', '-o', 'model.txt'], dir).code).toBe(0);
        expect(JSON.parse(readFileSync(path.join(dir, 'model.txt'), 'utf8')).version).toBe(1);
    });

    test('an unknown format or scale: one line, exit 2, nothing written', () => {
        expect(runCli(['render', 'shop.arch', '--format', 'pdf'], dir)).toMatchObject({ code: 2, stdout: '', stderr: "archsight render: Unknown format 'pdf'; use one of svg, png, mermaid, drawio, json.\n" });
        expect(runCli(['render', 'shop.arch', '-o', 'bad.png', '--scale', '0'], dir)).toMatchObject({ code: 2, stdout: '', stderr: "archsight render: Scale '0' is not a number from 0.1 to 8.\n" });
        expect(existsSync(path.join(dir, 'bad.png'))).toBe(false);
    });
});

describe('archsight render to PNG', { timeout: 120_000 }, () => {
    test('-o shop.png draws a PNG twice the size of the SVG, with its text in pixels', () => {
        const svg = runCli(['render', 'shop.arch', '--no-legend'], dir).stdout;
        const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        expect(runCli(['render', 'shop.arch', '--no-legend', '-o', 'shop.png'], dir)).toMatchObject({ code: 0, stdout: '', stderr: '' });
        const png = PNG.sync.read(readFileSync(path.join(dir, 'shop.png')));
        expect([png.width, png.height]).toEqual([width * 2, height * 2]);
        // The labels are drawn in the text colour (#1f2328) and nothing else is: without a
        // font the rasteriser would leave them out and no pixel would have it.
        expect(pixelsNear(png, [0x1f, 0x23, 0x28])).toBeGreaterThan(200);
        // The background is white, not transparent or blank.
        expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    });

    test('--format png with --scale 1 gives the SVG\'s size; the dark theme has a dark background', () => {
        expect(runCli(['render', 'shop.arch', '--format', 'png', '--scale', '1', '--theme', 'dark', '-o', 'dark.img'], dir).code).toBe(0);
        const png = PNG.sync.read(readFileSync(path.join(dir, 'dark.img')));
        const svg = runCli(['render', 'shop.arch'], dir).stdout;
        expect(png.width).toBe(Number(/ width="(\d+)"/.exec(svg)![1]));
        expect(Math.max(...png.data.subarray(0, 3))).toBeLessThan(80);
    });

    test('a label in a script the font has (accents, Greek, Cyrillic) draws more text than a short one', () => {
        writeFileSync(path.join(dir, 'intl.arch'), 'architecture "Intl" {\n  service a "Überweisung Σύστημα Платежи"\n}\n');
        writeFileSync(path.join(dir, 'short.arch'), 'architecture "Intl" {\n  service a "Ü"\n}\n');
        for (const name of ['intl', 'short']) expect(runCli(['render', `${name}.arch`, '--no-legend', '--scale', '1', '-o', `${name}.png`], dir).code).toBe(0);
        const long = pixelsNear(PNG.sync.read(readFileSync(path.join(dir, 'intl.png'))), [0x1f, 0x23, 0x28]);
        const short = pixelsNear(PNG.sync.read(readFileSync(path.join(dir, 'short.png'))), [0x1f, 0x23, 0x28]);
        expect(long).toBeGreaterThan(short * 5);
    });

    test('piped, a PNG goes to standard output', () => {
        const piped = spawnSync(process.execPath, [path.join(REPO, 'bin/archsight.cjs'), 'render', 'shop.arch', '--format', 'png'], { cwd: dir, timeout: 60_000 });
        expect(piped.status).toBe(0);
        expect(PNG.sync.read(piped.stdout).width).toBeGreaterThan(100);
    });
});

/** How many pixels are within a small distance of a colour (anti-aliased edges are not). */
function pixelsNear(png: PNG, [r, g, b]: readonly number[]): number {
    let count = 0;
    for (let i = 0; i < png.data.length; i += 4) {
        if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 24) count++;
    }
    return count;
}
