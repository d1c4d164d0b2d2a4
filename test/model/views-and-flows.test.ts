import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, createTestServices, diagnosticLines } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

async function parsed(text: string) {
    const doc = await services.parse(text, { validation: true });
    return { doc, model: services.Arch.model.ModelProvider.getModel(doc) };
}

const SHOP = `
  client web : browser
  gateway edge { tags edge, public link "https://runbooks.example/edge" "Runbook" }
  system payments "Payments" {
    tags pci
    meta { owner "team-payments" tier "1" }
    service pay : java { tags pci, team-payments meta { owner "payments" "on call" "alice" } link "docs/pay.md" link "https://x.example/pay" "Dashboard" }
    database payDb : mysql
  }
  service orders : go { replicas 3 }
  web -> edge : https
  edge -> orders { timeout 2s tags public link "https://api.example/orders" }
  orders -> pay { timeout 500ms }
  pay -> payDb
`;

describe('tags, meta and links', () => {
    test('elements, groups and relations carry them as written', async () => {
        const { doc, model } = await parsed(arch(SHOP));
        expect(diagnosticLines(doc).filter(l => l.includes(' error '))).toEqual([]);
        expect(model.elements.get('pay')).toMatchObject({
            tags: ['pci', 'team-payments'],
            meta: { owner: 'payments', 'on call': 'alice' },
            links: [{ url: 'docs/pay.md' }, { url: 'https://x.example/pay', title: 'Dashboard' }],
        });
        expect(model.groups.get('payments')).toMatchObject({ tags: ['pci'], meta: { owner: 'team-payments', tier: '1' } });
        expect(model.relations.find(r => r.id === 'edge->orders')).toMatchObject({ tags: ['public'], links: [{ url: 'https://api.example/orders' }], properties: { timeout: 2000 } });
        expect(model.elements.get('orders')).toMatchObject({ tags: [], meta: {}, links: [] });
    });

    test('the new words still name elements', async () => {
        const { doc, model } = await parsed(arch('component view\ndatabase meta\nlogs link\ncomponent flow\nservice tags\nview -> meta\nflow -> link'));
        expect(diagnosticLines(doc).filter(l => l.includes(' error '))).toEqual([]);
        expect([...model.elements.keys()]).toEqual(['view', 'meta', 'link', 'flow', 'tags']);
        expect(model.relations.map(r => r.id)).toEqual(['view->meta', 'flow->link']);
    });
});

describe('views', () => {
    test('are read with their patterns, direction and title', async () => {
        const { doc, model } = await parsed(arch(`${SHOP}
  view money "Money" {
    include payments.*, orders->*, *->orders, tag:pci, kind:database, concern:calls, edge
    exclude tag:internal
    direction down
    title "Where the money goes"
  }
  view all { include * }`));
        expect(diagnosticLines(doc).filter(l => l.includes(' error '))).toEqual([]);
        const view = model.views.get('money')!;
        expect(view).toMatchObject({ label: 'Money', title: 'Where the money goes', direction: 'DOWN' });
        expect(view.includes.map(p => `${p.type}:${'id' in p ? p.id : 'value' in p ? p.value : ''}`))
            .toEqual(['members:payments', 'outgoing:orders', 'incoming:orders', 'tag:pci', 'kind:database', 'concern:calls', 'id:edge']);
        expect(view.excludes.map(p => p.type)).toEqual(['tag']);
        expect(model.views.get('all')?.includes.map(p => p.type)).toEqual(['all']);
    });

    test('an unknown id is an error that says what was meant', async () => {
        const { doc } = await parsed(arch(`${SHOP}\n  view v { include ordrs->* }`));
        expect(diagnosticLines(doc)).toContainEqual(expect.stringContaining("Unknown element 'ordrs'. Did you mean 'orders'?"));
    });
});

describe('flows', () => {
    test('steps are numbered, parallel steps share a number, and each takes a relation of the model', async () => {
        const { doc, model } = await parsed(arch(`${SHOP}
  service stock
  orders -> stock
  flow checkout "Place an order" {
    web -> edge "POST /orders";
    edge -> orders
    parallel { orders -> pay "authorize"; orders -> stock }
    optional pay -> payDb
  }`));
        expect(diagnosticLines(doc).filter(l => l.includes(' error '))).toEqual([]);
        const flow = model.flows.get('checkout')!;
        expect(flow.label).toBe('Place an order');
        expect(flow.steps.map(s => `${s.number} ${s.sourceId}${s.arrow}${s.targetId}${s.optional ? ' optional' : ''} = ${s.relationId}`)).toEqual([
            '1 web->edge = web->edge',
            '2 edge->orders = edge->orders',
            '3a orders->pay = orders->pay',
            '3b orders->stock = orders->stock',
            '4 pay->payDb optional = pay->payDb',
        ]);
    });

    test('a step the model does not have takes no relation', async () => {
        const { model } = await parsed(arch(`${SHOP}\n  flow f { orders ~> pay; edge -> orders }`));
        expect(model.flows.get('f')!.steps.map(s => s.relationId)).toEqual([undefined, 'edge->orders']);
    });
});
