import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import type { DiagramParams } from '../../language-server/src/protocol.js';
import { arch, createTestServices } from '../helpers/services.js';

// What the preview's view picker and search need from the diagram request: the document's
// views and flows to list, a picked view drawn, and the tags to search by.
const services = createTestServices();
const handler = new DiagramHandler(services.shared);
afterEach(() => clearDocuments(services.shared));

const SHOP = arch([
    'client web "Web Shop" : browser',
    'service orders "Order Service" : go { tags team-orders }',
    'system payments "Payments" {',
    '  tags pci',
    '  service pay : java { tags pci, team-payments link "https://runbooks.example/pay" "Runbook" }',
    '}',
    'web -> orders : https',
    'orders -> pay : grpc { timeout 500ms }',
    'view money "Money" { include payments.* }',
    'view everything {}',
    'flow checkout "Place an order" { web -> orders; orders -> pay }',
].join('\n'));

function params(doc: LangiumDocument, extra: Partial<DiagramParams> = {}): DiagramParams {
    return { uri: doc.uri.toString(), view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false, ...extra };
}

function drawnNodes(svg: string): string[] {
    return [...svg.matchAll(/<g class="node\b[^"]*" data-id="([^"]*)"/g)].map(m => m[1]).sort();
}

describe('the diagram request for the view picker', () => {
    test('lists the views and flows the document declares, in the order written', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const response = await handler.handle(params(doc));
        expect(response.diagram?.choices).toEqual([
            { kind: 'view', id: 'money', label: 'Money' },
            { kind: 'view', id: 'everything', label: 'everything' },
            { kind: 'flow', id: 'checkout', label: 'Place an order' },
        ]);
    });

    test('a file without views or flows offers none', async () => {
        const doc = await services.parse(arch('service a\nservice b\na -> b'), { validation: true });
        expect((await handler.handle(params(doc))).diagram?.choices).toEqual([]);
    });

    test('draws the view picked by its id, and the fixed filter for a view the file does not declare', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const money = await handler.handle(params(doc, { named: 'money' }));
        expect(drawnNodes(money.diagram!.svg)).toEqual(['pay']);
        expect(money.diagram!.notice).toMatch(/^View 'Money'/);
        const gone = await handler.handle(params(doc, { named: 'shipping' }));
        expect(drawnNodes(gone.diagram!.svg)).toEqual(['orders', 'pay', 'web']);
    });

    test('refuses a view, flow or way of drawing that is not a string it knows', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const bad = [{ named: 3 }, { flow: ['checkout'] }, { flow: 'checkout', as: 'gantt' }] as unknown as Partial<DiagramParams>[];
        for (const extra of bad) expect((await handler.handle(params(doc, extra))).error, JSON.stringify(extra)).toMatch(/must be/);
        expect((await handler.handle(params(doc, { flow: 'checkout', as: 'sequence' }))).error).toBeUndefined();
    });

    test('writes the tags of elements and groups into the drawing, for search', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const { svg } = (await handler.handle(params(doc))).diagram!;
        expect(svg).toMatch(/<g class="node [^"]*" data-id="pay" data-tags="pci team-payments"/);
        expect(svg).toMatch(/<g class="node [^"]*" data-id="orders" data-tags="team-orders"/);
        expect(svg).toMatch(/<g class="group [^"]*" data-id="payments" data-tags="pci"/);
        expect(svg).toMatch(/<g class="node [^"]*" data-id="web" transform=/);
    });
});
