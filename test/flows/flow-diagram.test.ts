import { readFileSync } from 'node:fs';
import { clearDocuments } from 'langium/test';
import type { Document } from '@xmldom/xmldom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import { diagramStylesheet } from '../../language-server/src/diagram/styles.js';
import { noBudgets } from '../../language-server/src/flows/step-budget.js';
import { createTestServices } from '../helpers/services.js';
import { classesOf, elementsOf, groupsWithClass, modelOf, parseSvg } from '../diagram/diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
// The tooltips below are read without budgets; the budget test sets its own.
beforeEach(() => {
    generator.stepBudgets = noBudgets;
});
afterEach(() => clearDocuments(services.shared));

const SHOP = readFileSync(new URL('./fixtures/checkout-flow.arch', import.meta.url), 'utf8');
const OPTIONS: DiagramOptions = { view: 'all', direction: 'DOWN', theme: 'light', legend: false };

async function draw(options: Partial<DiagramOptions> = {}) {
    const model = await modelOf(services, SHOP);
    const result = await generator.generate(model, { ...OPTIONS, ...options });
    return { model, result, doc: parseSvg(result.svg) };
}

const withClass = (doc: Document, kind: string, cls: string) =>
    groupsWithClass(doc, kind).filter(g => classesOf(g).includes(cls)).map(g => g.getAttribute('data-id')).sort();

function badges(doc: Document): Record<string, string> {
    return Object.fromEntries(groupsWithClass(doc, 'flow-badge').map(b => [b.getAttribute('data-id'), b.getAttribute('data-steps')]));
}

describe('a flow drawn on the architecture diagram', () => {
    test('numbers its steps on their relations, parallel ones 3a and 3b', async () => {
        const { doc } = await draw({ flow: 'checkout' });
        expect(badges(doc)).toEqual({ 'web->edge': '1', 'edge->orders': '2', 'orders->pay': '3a', 'orders->stock': '3b', 'orders~>events': '4' });
        expect(withClass(doc, 'edge', 'flow-step')).toEqual(['edge->orders', 'orders->pay', 'orders->stock', 'orders~>events', 'web->edge']);
        expect(withClass(doc, 'edge', 'flow-optional')).toEqual(['orders->stock', 'orders~>events']);
        expect(withClass(doc, 'edge', 'flow-awaited')).toEqual(['orders~>events']);
        const awaited = groupsWithClass(doc, 'flow-badge').find(b => b.getAttribute('data-id') === 'orders~>events')!;
        expect(elementsOf(awaited, 'text')[0].textContent).toBe('4 ↩');
        expect(elementsOf(awaited, 'title')[0].textContent).toBe('Step 4: orders ~> events "OrderPlaced" (optional, awaited)');
    });

    test('dims what the flow does not pass through, and draws it among its neighbours without signal links', async () => {
        const { doc } = await draw({ flow: 'checkout' });
        expect(withClass(doc, 'node', 'flow-dimmed')).toEqual(['fraud', 'ledger', 'mailer', 'ordersDb']);
        expect(withClass(doc, 'group', 'flow-dimmed')).toEqual([]);
        expect(withClass(doc, 'edge', 'flow-dimmed')).toEqual(['events~>mailer', 'mailer->stock', 'orders->fraud', 'orders->ledger', 'orders->ordersDb']);
        expect(groupsWithClass(doc, 'node').map(n => n.getAttribute('data-id'))).not.toContain('prom');
    });

    test('a group the flow does not enter is dimmed', async () => {
        const model = await modelOf(services, SHOP.replace('service stock', 'system store "Store" { service stock }'));
        const result = await generator.generate(model, { ...OPTIONS, flow: 'checkout', named: undefined });
        const doc = parseSvg(result.svg);
        expect(withClass(doc, 'group', 'flow-dimmed')).toEqual([]);
        const noStock = await modelOf(services, SHOP.replace('service stock', 'system store "Store" { service stock }').replace('parallel { orders -> pay "authorize"; optional orders -> stock }', 'orders -> pay'));
        const dimmed = parseSvg((await generator.generate(noStock, { ...OPTIONS, flow: 'checkout' })).svg);
        expect(withClass(dimmed, 'group', 'flow-dimmed')).toEqual(['store']);
    });

    test('without a flow nothing is numbered or dimmed', async () => {
        const { doc, result } = await draw();
        expect(groupsWithClass(doc, 'flow-badge')).toEqual([]);
        expect([...withClass(doc, 'node', 'flow-dimmed'), ...withClass(doc, 'edge', 'flow-dimmed'), ...withClass(doc, 'edge', 'flow-step')]).toEqual([]);
        expect(result.svg).not.toContain('class="flow-badges"');
    });

    test('a step is drawn as itself even where the overview bundles its relation with others', async () => {
        const plain = await draw();
        const fan = groupsWithClass(plain.doc, 'edge').find(e => e.getAttribute('data-id') === 'fan:orders->payments');
        expect(fan?.getAttribute('data-relations')).toBe('orders->pay orders->fraud orders->ledger');
        const { doc } = await draw({ flow: 'checkout' });
        expect(groupsWithClass(doc, 'edge').map(e => e.getAttribute('data-id'))).toContain('orders->pay');
    });

    test('the groups a flow passes through are drawn open whatever the level', async () => {
        const closed = await draw({ level: 0 });
        expect(groupsWithClass(closed.doc, 'node').map(n => n.getAttribute('data-id'))).not.toContain('pay');
        const { doc } = await draw({ flow: 'checkout', level: 0 });
        expect(groupsWithClass(doc, 'node').map(n => n.getAttribute('data-id'))).toEqual(expect.arrayContaining(['orders', 'pay', 'stock', 'events']));
        expect(badges(doc)['orders->pay']).toBe('3a');
    });

    test('items reveal the steps\' relations and the elements; the choices list the flow', async () => {
        const { result, model } = await draw({ flow: 'checkout' });
        const item = result.items.find(i => i.id === 'orders->pay')!;
        expect(item.type).toBe('relation');
        expect(item.range).toEqual(model.relations.find(r => r.id === 'orders->pay')!.location.range);
        expect(result.items.find(i => i.id === 'pay')?.type).toBe('element');
        expect(result.choices).toEqual([{ kind: 'flow', id: 'checkout', label: 'Place an order' }]);
        expect(result.notice).toBe("Flow 'Place an order': 5 steps through 6 elements, drawn with their neighbours.");
    });

    test('a flow that is not in the model draws the view as it is', async () => {
        const { doc, result } = await draw({ flow: 'refund' });
        expect(groupsWithClass(doc, 'flow-badge')).toEqual([]);
        expect(result.choices?.map(c => c.id)).toEqual(['checkout']);
    });

    test('each step\'s budget, when known, is in its badge\'s tooltip', async () => {
        generator.stepBudgets = (_model, flow) => flow.steps.map((s, i) => (i === 2 ? '≤ 500 ms of 2 s' : undefined));
        const { doc } = await draw({ flow: 'checkout' });
        const badge = groupsWithClass(doc, 'flow-badge').find(b => b.getAttribute('data-id') === 'orders->pay')!;
        expect(elementsOf(badge, 'title')[0].textContent).toBe('Step 3a: orders -> pay "authorize" (in parallel)\nBudget: ≤ 500 ms of 2 s');
    });

    test('the legend has a key to the numbered steps when a flow is drawn', async () => {
        const withFlow = await draw({ flow: 'checkout', legend: true });
        expect(groupsWithClass(withFlow.doc, 'legend-flow')).toHaveLength(1);
        const without = await draw({ legend: true });
        expect(groupsWithClass(without.doc, 'legend-flow')).toHaveLength(0);
    });

    test('every theme styles the flow classes', () => {
        for (const theme of ['light', 'dark'] as const) {
            const css = diagramStylesheet(theme);
            expect(css).toContain('.flow-dimmed');
            expect(css).toMatch(/\.flow-badge-box \{ fill: #[0-9a-f]{6};/);
            expect(css).not.toContain('var(--as-flow');
        }
        expect(diagramStylesheet('vscode')).toMatch(/--as-flow: var\(--vscode-/);
    });
});

describe('the flow rules\' budget on the drawing', () => {
    test('by default each badge and sequence row carries its step\'s worst case and the budget it runs in', async () => {
        const model = await modelOf(services, SHOP);
        const fresh = createTestServices().Arch.diagram.DiagramGenerator;
        const doc = parseSvg((await fresh.generate(model, { ...OPTIONS, flow: 'checkout' })).svg);
        const title = (id: string) => elementsOf(groupsWithClass(doc, 'flow-badge').find(b => b.getAttribute('data-id') === id)!, 'title')[0].textContent;
        expect(title('orders->pay')).toBe('Step 3a: orders -> pay "authorize" (in parallel)\nBudget: ≤ 500ms; 500ms of 2s used');
        const sequence = parseSvg((await fresh.generate(model, { ...OPTIONS, flow: 'checkout', as: 'sequence' })).svg);
        const row = groupsWithClass(sequence, 'message').find(m => m.getAttribute('data-id') === 'step:3a')!;
        expect(elementsOf(row, 'text').map(t => t.textContent)).toEqual(['3a. authorize', '≤ 500ms; 500ms of 2s used']);
    });
});
