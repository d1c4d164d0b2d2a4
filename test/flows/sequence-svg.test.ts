import { readFileSync } from 'node:fs';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import { createTestServices } from '../helpers/services.js';
import { classesOf, elementsOf, groupsWithClass, drawWith } from '../diagram/diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = readFileSync(new URL('./fixtures/checkout-flow.arch', import.meta.url), 'utf8');
const OPTIONS: DiagramOptions = { view: 'all', direction: 'DOWN', theme: 'light', legend: false, flow: 'checkout', as: 'sequence' };

const draw = drawWith(services, OPTIONS);

describe('the sequence diagram\'s SVG', () => {
    test('participants as the elements\' boxes, steps as edges with their arrow heads', async () => {
        const { doc, result } = await draw(SHOP);
        expect(classesOf(elementsOf(doc, 'svg')[0])).toEqual(['archsight-diagram', 'archsight-sequence', 'theme-light']);
        expect(groupsWithClass(doc, 'participant').map(p => [p.getAttribute('data-id'), classesOf(p).find(c => c.startsWith('kind-'))])).toEqual([
            ['web', 'kind-client'], ['edge', 'kind-gateway'], ['orders', 'kind-service'], ['pay', 'kind-service'], ['stock', 'kind-service'], ['events', 'kind-bus'],
        ]);
        const messages = groupsWithClass(doc, 'message');
        expect(messages.map(m => m.getAttribute('data-id'))).toEqual(['step:1', 'step:2', 'step:3a', 'step:3b', 'step:4', 'step:4:answer']);
        const head = (id: string) => elementsOf(messages.find(m => m.getAttribute('data-id') === id)!, 'path').find(p => classesOf(p).includes('edge-arrow'))!;
        expect(classesOf(head('step:1'))).toEqual(['edge-arrow']);
        expect(classesOf(head('step:4'))).toEqual(['edge-arrow', 'open']);
        expect(classesOf(head('step:4:answer'))).toEqual(['edge-arrow', 'open']);
        expect(classesOf(messages[5])).toContain('answer');
        expect(groupsWithClass(doc, 'frame').map(f => classesOf(f)[1])).toEqual(['frame-opt', 'frame-par', 'frame-opt']);
        expect(elementsOf(doc, 'text').find(t => classesOf(t).includes('sequence-title'))?.textContent).toBe('Shop: Place an order');
        expect(result.choices).toEqual([{ kind: 'flow', id: 'checkout', label: 'Place an order' }]);
    });

    test('items reveal each participant\'s declaration and each step in the flow', async () => {
        const { result, model } = await draw(SHOP);
        const flow = model.flows.get('checkout')!;
        expect(result.items.map(i => `${i.type} ${i.id}`)).toEqual([
            'element web', 'element edge', 'element orders', 'element pay', 'element stock', 'element events',
            'relation step:1', 'relation step:2', 'relation step:3a', 'relation step:3b', 'relation step:4', 'relation step:4:answer',
        ]);
        expect(result.items.find(i => i.id === 'step:3a')!.range).toEqual(flow.steps[2].location.range);
        expect(result.items.find(i => i.id === 'pay')!.range).toEqual(model.elements.get('pay')!.location.range);
        const lines = SHOP.split('\n');
        expect(lines[flow.steps[2].location.range.start.line]).toContain('orders -> pay "authorize"');
    });

    test('hostile labels are text, never markup', async () => {
        const hostile = SHOP
            .replace('"Place an order"', '"</title><script>alert(1)</script> & ]]>"')
            .replace('"POST /orders"', '"<img src=x onerror=alert(1)> \\"quoted\\" \u0007"')
            .replace('client web "Web shop"', 'client web "<b>Web</b> & \'shop\'"');
        const { doc, result } = await draw(hostile);
        expect(elementsOf(doc, 'script')).toEqual([]);
        expect(elementsOf(doc, 'img')).toEqual([]);
        expect(elementsOf(doc, 'b')).toEqual([]);
        expect(elementsOf(doc, 'text').find(t => classesOf(t).includes('sequence-title'))?.textContent).toBe('Shop: </title><script>alert(1)</script> & ]]>');
        const first = groupsWithClass(doc, 'message')[0];
        expect(elementsOf(first, 'text').map(t => t.textContent).join(' ')).toContain('<img src=x onerror=alert(1)>');
        expect(result.svg).not.toContain('\u0007');
    });

    test('dark and vscode themes: the dark stylesheet embedded, none for the preview', async () => {
        const dark = await draw(SHOP, { theme: 'dark' });
        expect(dark.result.svg).toContain('.frame-box { fill: none; stroke: #');
        const vscode = await draw(SHOP, { theme: 'vscode' });
        expect(vscode.result.svg).not.toContain('<style>');
    });

    test('without a flow, or with one the model does not have, the architecture diagram is drawn', async () => {
        const { doc } = await draw(SHOP, { flow: 'refund' });
        expect(classesOf(elementsOf(doc, 'svg')[0])).not.toContain('archsight-sequence');
        expect(groupsWithClass(doc, 'node').length).toBeGreaterThan(0);
    });
});
