import { clearDocuments } from 'langium/test';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { afterEach, describe, expect, test } from 'vitest';
import { collapseGroups } from '../../language-server/src/diagram/collapse.js';
import { drawingBoxes } from '../../language-server/src/diagram/elk-graph.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { arch, createTestServices } from '../helpers/services.js';
import { boxArea, modelOf } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = arch(`
    client web
    gateway edge { sidecar edgeProxy : envoy }
    system shop "Shop" {
        service orders "Orders" : java
        service payments
        database ordersDb
        system billing "Billing" { service invoices  service ledger }
        orders -> payments : rest
        orders -> ordersDb
    }
    metrics prom
    web -> edge
    edge -> orders
    payments -> ledger
    orders ..> prom
    payments ..> prom`);

function edgeIds(node: ElkNode): string[] {
    return [...(node.edges ?? []).map(e => e.id), ...(node.children ?? []).flatMap(edgeIds)];
}

describe('a drawing\'s boxes, then its lines', () => {
    test('the boxes and their area are known before the lines; the graph of either direction, asked for after the other, is the one asked for first', async () => {
        const model = await modelOf(services, SHOP);
        const selection = collapseGroups(model, selectView(model, 'all'), Infinity, new Set(['shop']));
        const boxes = drawingBoxes(model, selection);
        const area = boxArea(boxes);
        expect(area).toBeGreaterThan(0);
        expect([...boxes.nodes.keys()]).toEqual(expect.arrayContaining(['web', 'edge', 'orders', 'billing', 'prom']));

        const down = boxes.graph('DOWN');
        const right = boxes.graph('RIGHT');
        expect(boxArea(down)).toBe(area);
        expect(down.elk.layoutOptions!['elk.direction']).toBe('DOWN');
        expect(right.elk.layoutOptions!['elk.direction']).toBe('RIGHT');
        expect(right.direction).toBe('RIGHT');
        // The lines were added once, for both graphs.
        const ids = edgeIds(right.elk);
        expect(ids.length).toBeGreaterThan(4);
        expect(new Set(ids).size).toBe(ids.length);
        expect(JSON.stringify(right.elk)).toBe(JSON.stringify(drawingBoxes(model, selection).graph('RIGHT').elk));
        expect(JSON.stringify(down.elk)).toBe(JSON.stringify(drawingBoxes(model, selection).graph('DOWN').elk));
    });
});
