import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { classesOf, elementsOf, groupsWithClass, parseSvg } from '../diagram/diagram-helpers.js';

let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-render-flow-'));
    copyFileSync(new URL('../flows/fixtures/checkout-flow.arch', import.meta.url), path.join(dir, 'shop.arch'));
});

describe('archsight render --flow', () => {
    test('draws the flow\'s steps numbered on the diagram', () => {
        const r = runCli(['render', 'shop.arch', '--flow', 'checkout', '--no-legend'], dir);
        expect([r.code, r.stderr]).toEqual([0, '']);
        const doc = parseSvg(r.stdout);
        expect(groupsWithClass(doc, 'flow-badge').map(b => b.getAttribute('data-steps'))).toEqual(expect.arrayContaining(['1', '2', '3a', '3b', '4']));
        expect(groupsWithClass(doc, 'node').filter(n => classesOf(n).includes('flow-dimmed')).map(n => n.getAttribute('data-id')).sort()).toEqual(['fraud', 'ledger', 'mailer', 'ordersDb']);
    });

    test('--as sequence draws a sequence diagram, as SVG, PNG or Mermaid', () => {
        const svg = runCli(['render', 'shop.arch', '--flow', 'checkout', '--as', 'sequence'], dir);
        expect([svg.code, svg.stderr]).toEqual([0, '']);
        const doc = parseSvg(svg.stdout);
        expect(classesOf(elementsOf(doc, 'svg')[0])).toContain('archsight-sequence');
        expect(groupsWithClass(doc, 'message').map(m => m.getAttribute('data-step'))).toEqual(['1', '2', '3a', '3b', '4', '4']);

        const png = runCli(['render', 'shop.arch', '--flow', 'checkout', '--as', 'sequence', '-o', 'flow.png'], dir);
        expect([png.code, png.stderr]).toEqual([0, '']);
        expect([...readFileSync(path.join(dir, 'flow.png')).subarray(1, 4)].map(c => String.fromCharCode(c)).join('')).toBe('PNG');

        const mermaid = runCli(['render', 'shop.arch', '--flow', 'checkout', '--as', 'sequence', '--format', 'mermaid'], dir);
        expect(mermaid.code).toBe(0);
        expect(mermaid.stdout).toBe([
            '---',
            'title: "Shop: Place an order"',
            '---',
            'sequenceDiagram',
            '  participant p0 as Web shop',
            '  participant p1 as Edge',
            '  participant p2 as Orders',
            '  participant p3 as Pay',
            '  participant p4 as stock',
            '  participant p5 as events [kafka]',
            '  p0->>p1: 1. POST /orders',
            '  p1->>p2: 2',
            '  par steps 3a, 3b',
            '    p2->>p3: 3a. authorize',
            '  and',
            '    opt step 3b',
            '      p2->>p4: 3b',
            '    end',
            '  end',
            '  opt step 4',
            '    p2-)p5: 4. OrderPlaced',
            '    p5--)p2: answer to 4',
            '  end',
            '',
        ].join('\n'));
    });

    test('an unknown flow is a usage error that lists the flows and says what was meant', () => {
        const r = runCli(['render', 'shop.arch', '--flow', 'chekout'], dir);
        expect([r.code, r.stdout]).toEqual([2, '']);
        expect(r.stderr).toBe("archsight render: There is no flow 'chekout' in 'shop.arch': its flows are checkout. Did you mean 'checkout'?\n");
    });

    test('options that do not go with a flow are refused in one line', () => {
        const cases: [string[], string][] = [
            [['--as', 'sequence'], '--as sequence draws a flow: name it with --flow <name>.'],
            [['--flow', 'checkout', '--as', 'sideways'], "Unknown --as 'sideways'; use one of diagram, sequence."],
            [['--flow', 'checkout', '--format', 'json'], '--flow chooses what to draw, but --format json exports the whole model; use svg, png, mermaid or drawio.'],
            [['--flow', 'checkout', '--focus', 'orders'], '--flow and --focus each choose what to draw; give one of them.'],
        ];
        for (const [args, message] of cases) {
            const r = runCli(['render', 'shop.arch', ...args], dir);
            expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `archsight render: ${message}\n`]);
        }
    });
});
