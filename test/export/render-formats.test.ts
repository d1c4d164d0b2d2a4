import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

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

    test('an unknown format, and PNG (not available yet): one line, exit 2, nothing written', () => {
        expect(runCli(['render', 'shop.arch', '--format', 'pdf'], dir)).toMatchObject({ code: 2, stdout: '', stderr: "archsight render: Unknown format 'pdf'; use one of svg, mermaid, drawio, json.\n" });
        const png = runCli(['render', 'shop.arch', '-o', 'shop.png'], dir);
        expect(png).toMatchObject({ code: 2, stdout: '' });
        expect(png.stderr).toMatch(/^archsight render: PNG is not available yet;.*\n$/);
    });
});
