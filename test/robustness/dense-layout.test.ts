import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
// @ts-expect-error -- a plain ES module without type declarations, shared with the benchmark
import { completeGraph, randomCalls } from '../../bench/dense-graphs.mjs';
import { DiagramGenerator } from '../../language-server/src/diagram/diagram-generator.js';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import type { ElkFactory } from '../../language-server/src/diagram/elk-layout.js';
import { ElkThread } from '../../language-server/src/diagram/elk-thread.js';
import { LayoutTimeoutError } from '../../language-server/src/diagram/layout-budget.js';
import { runCli } from '../helpers/cli.js';
import { arch, createTestServices } from '../helpers/services.js';

// Never hang: services that all call each other took ELK minutes (25: 34 s, 50: more than
// ten minutes; 100 services with 10 calls each more than five). Dense parts are drawn with
// fewer lines and a notice, so the drawing comes in seconds; each test's timeout is the
// bound (generous: two shared cores under load), where before each reached the 30 s budget
// of `archsight render` and ended in an error.
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const OPTIONS: DiagramOptions = { view: 'all', direction: 'RIGHT', theme: 'light', legend: false };
const DENSE = /too densely connected to lay out in seconds: (\d+) of its (\d+) relations are not drawn/;

async function draw(text: string) {
    const doc = await services.parse(text);
    const model = services.Arch.model.ModelProvider.getModel(doc);
    const diagram = await services.Arch.diagram.DiagramGenerator.generate(model, OPTIONS);
    return { model, diagram, edges: (diagram.svg.match(/class="edge[ "]/g) ?? []).length };
}

describe('dense diagrams are drawn in seconds', () => {
    for (const [name, text, relations] of [
        ['25 services that all call each other', completeGraph(25), 600],
        ['50 services that all call each other', completeGraph(50), 2_450],
        ['100 services with 10 calls each', randomCalls(100, 10), 1_000],
    ] as const) {
        test(`${name}: every box, some of the calls, and a notice that says how many are left out`, async () => {
            const { model, diagram } = await draw(text);
            expect(model.relations).toHaveLength(relations);
            const [, left, of] = DENSE.exec(diagram.notice ?? '') ?? [];
            expect(Number(of)).toBe(relations);
            expect(Number(left)).toBeGreaterThan(relations / 2);
            const drawn = diagram.items.filter(item => item.type === 'relation').length;
            expect(drawn).toBe(relations - Number(left));
            expect(drawn).toBeGreaterThan(40);
            expect(diagram.items.filter(item => item.type === 'element')).toHaveLength(model.elements.size);
        }, 20_000);
    }

    test('near miss: a real architecture is drawn whole, without the notice', async () => {
        const { model, diagram } = await draw(readFileSync(path.join(__dirname, '../../samples/microservices.arch'), 'utf8'));
        expect(diagram.notice ?? '').not.toMatch(DENSE);
        expect(diagram.items.filter(item => item.type === 'element').length).toBeGreaterThan(20);
        expect(model.relations.length).toBeGreaterThan(20);
    });

    test('focus on one of 50 services that all call each other draws each of its 98 relations', async () => {
        const doc = await services.parse(completeGraph(50));
        const model = services.Arch.model.ModelProvider.getModel(doc);
        const diagram = await services.Arch.diagram.DiagramGenerator.generate(model, { ...OPTIONS, focus: 's7' });
        expect(diagram.notice ?? '').not.toMatch(DENSE);
        expect(diagram.items.filter(item => item.type === 'relation' && /s7/.test(item.id))).toHaveLength(98);
    }, 20_000);

    test('archsight render draws 50 services that all call each other, and says what it left out', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-dense-'));
        writeFileSync(path.join(dir, 'k50.arch'), completeGraph(50));
        const r = runCli(['render', 'k50.arch', '-o', 'k50.svg'], dir);
        // Exit 1: the calls form a cycle, an error finding; the drawing is written all the same.
        expect(r.stderr).not.toMatch(/too dense to lay out within/);
        expect(r.stderr.split('\n')[0]).toMatch(/^archsight render: This view is too densely connected to lay out in seconds: \d+ of its 2450 relations are not drawn/);
        expect(readFileSync(path.join(dir, 'k50.svg'), 'utf8')).toMatch(/^<svg/);
        expect(r.code).toBe(1);
    }, 40_000);
});

describe('a layout stopped at its budget', () => {
    /** ELK on a machine so slow that any layout of more than 60 lines runs out of time (the real budget is time; this one counts). */
    const thread = new ElkThread({ budgetMs: 600_000 });
    afterAll(() => thread.terminateWorker());
    const edgesIn = (node: ElkNode): number => (node.edges?.length ?? 0) + (node.children ?? []).reduce((n, c) => n + edgesIn(c), 0);
    const slow: ElkFactory = () => ({
        ...thread,
        layout: ((graph: ElkNode) => edgesIn(graph) > 60 ? Promise.reject(new LayoutTimeoutError(6_000)) : thread.layout(graph)) as ELK['layout'],
    }) as ELK;
    const generator = new DiagramGenerator({ layout: { ElkFactory: slow } });

    test('is drawn again with only its shortest lines, and the notice says so', async () => {
        const doc = await services.parse(completeGraph(25));
        const diagram = await generator.generate(services.Arch.model.ModelProvider.getModel(doc), OPTIONS);
        expect(diagram.notice).toMatch(/its layout was stopped at its time budget, and (\d+) of its 600 relations are not drawn/);
        const drawn = diagram.items.filter(item => item.type === 'relation').length;
        expect(drawn).toBeGreaterThan(10);
        expect(drawn).toBeLessThanOrEqual(60);
        expect(diagram.items.filter(item => item.type === 'element')).toHaveLength(25);
    }, 20_000);

    test('near miss: when fewer lines would not help (a long chain), the message says that the layout was stopped', async () => {
        const chain = arch([...Array.from({ length: 80 }, (_, i) => `service s${i}`), ...Array.from({ length: 79 }, (_, i) => `s${i} -> s${i + 1}`)].join('\n'));
        const doc = await services.parse(chain);
        await expect(generator.generate(services.Arch.model.ModelProvider.getModel(doc), OPTIONS)).rejects.toThrow(/too dense to lay out within 6 s, so the layout was stopped/);
    }, 20_000);
});
