import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { collapseGroups } from '../../language-server/src/diagram/collapse.js';
import { DiagramGenerator } from '../../language-server/src/diagram/diagram-generator.js';
import { toElkGraph } from '../../language-server/src/diagram/elk-graph.js';
import { defaultElkFactory } from '../../language-server/src/diagram/elk-layout.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { arch, createTestServices } from '../helpers/services.js';
import { allText, elementsOf, groupsWithClass, modelOf, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const PLATFORM = arch(`
    client web
    gateway edge { sidecar edgeProxy : envoy }
    system shop "Shop" {
        service orders
        service payments
        database ordersDb
        system billing { service invoices }
        orders -> payments
    }
    system shipping "Shipping" {
        service dispatch
        service tracking
    }
    metrics prom
    web -> edge
    edge -> orders : rest
    edge -> payments
    orders -> dispatch
    payments ~> tracking
    invoices -> tracking
    orders ..> prom
    dispatch ..> prom`);

async function collapsed(max: number, text = PLATFORM) {
    const model = await modelOf(services, text);
    const selection = collapseGroups(model, selectView(model, 'all'), max);
    return {
        elements: [...selection.elementIds],
        groups: [...selection.groupIds],
        collapsed: Object.fromEntries(selection.collapsed ?? []),
        relations: selection.relations.map(r => r.id),
        merged: (selection.merged ?? []).map(m => `${m.id} (${m.relations.map(r => r.id).join(', ')})`),
        notice: selection.notice,
    };
}

describe('past the size limit', () => {
    test('a view within the limit is drawn as it is', async () => {
        const model = await modelOf(services, PLATFORM);
        const selection = selectView(model, 'all');
        expect(collapseGroups(model, selection, 12)).toBe(selection);
    });

    test('top-level groups become one box each; relations between boxes become one edge each; a relation inside a box is not drawn', async () => {
        expect(await collapsed(5)).toEqual({
            elements: ['web', 'edge', 'edgeProxy', 'prom'],
            groups: ['shop', 'shipping'],
            collapsed: { shop: 4, shipping: 2 },
            relations: ['web->edge'],
            merged: [
                'merged:edge->shop (edge->orders, edge->payments)',
                'merged:shop->shipping (orders->dispatch, invoices->tracking)',
                'merged:shop~>shipping (payments~>tracking)',
                'merged:shop..>prom (orders..>prom)',
                'merged:shipping..>prom (dispatch..>prom)',
            ],
            notice: 'This view has 10 elements; the preview draws at most 5 one by one, so groups are drawn as one box each and the relations between two boxes as one line. '
                + 'Focus on a group, or choose a narrower view, to see its elements.',
        });
    });

    test('when the boxes are still too many, the best connected ones are drawn, and the notice says how many', async () => {
        const view = await collapsed(3);
        expect([...view.elements, ...view.groups]).toEqual(['edge', 'edgeProxy', 'shop', 'shipping']);
        expect(view.notice).toContain('Of the 5 boxes, the 3 with the most relations are drawn.');
        expect(view.merged.every(m => !m.includes('prom') && !m.includes('web'))).toBe(true);
    });

    test('the drawn diagram shows collapsed groups with what they hold, merged edges that point at their relations, and the notice', async () => {
        const generator = new DiagramGenerator({ layout: { ElkFactory: defaultElkFactory } });
        const model = await modelOf(services, PLATFORM);
        const result = await generator.generate(model, { view: 'all', direction: 'RIGHT', theme: 'light', legend: false, maxElements: 5 });
        const svg = parseSvg(result.svg);
        const boxes = groupsWithClass(svg, 'collapsed');
        expect(boxes.map(g => g.getAttribute('data-id'))).toEqual(['shop', 'shipping']);
        expect(elementsOf(boxes[0], 'text').map(t => allText(t))).toEqual(['Shop', 'system', '4 elements inside']);
        const merged = groupsWithClass(svg, 'edge').find(e => e.getAttribute('data-id') === 'merged:edge->shop')!;
        expect(merged.getAttribute('data-relations')).toBe('edge->orders edge->payments');
        expect(elementsOf(merged, 'title').map(t => allText(t))).toEqual(['2 calls from edge to Shop:\nedge → orders: rest\nedge → payments']);
        // Clicking the merged edge reveals the first relation it stands for.
        const item = result.items.find(i => i.id === 'merged:edge->shop')!;
        expect(item.type).toBe('relation');
        expect(item.range).toEqual(model.relations.find(r => r.id === 'edge->orders')!.location.range);
        expect(result.notice).toMatch(/^This view has 10 elements; the preview draws at most 5/);
    });

    test('the collapsed view is laid out with merged edge ends and a single ordering pass; a view within the limit is not', async () => {
        const model = await modelOf(services, PLATFORM);
        const options = (max: number) => toElkGraph(model, collapseGroups(model, selectView(model, 'all'), max), 'RIGHT').elk.layoutOptions!;
        expect(options(5)).toMatchObject({ 'elk.layered.mergeEdges': 'true', 'elk.layered.thoroughness': '1' });
        expect(options(50)['elk.layered.mergeEdges']).toBeUndefined();
    });

    test('focus on a group draws its elements one by one, with the groups around its neighbours collapsed', async () => {
        const generator = new DiagramGenerator({ layout: { ElkFactory: defaultElkFactory } });
        const model = await modelOf(services, PLATFORM);
        const result = await generator.generate(model, { view: 'all', focus: 'shipping', direction: 'RIGHT', theme: 'light', legend: false, maxElements: 5 });
        const svg = parseSvg(result.svg);
        expect(groupsWithClass(svg, 'collapsed').map(g => g.getAttribute('data-id'))).toEqual(['shop']);
        expect(groupsWithClass(svg, 'group').map(g => g.getAttribute('data-id'))).toEqual(['shop', 'shipping']);
        expect(groupsWithClass(svg, 'node').map(g => g.getAttribute('data-id')).sort()).toEqual(['dispatch', 'prom', 'tracking']);
    });
});
