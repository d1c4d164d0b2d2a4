import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { ancestorGroups, incomingOf, outgoingOf } from '../../language-server/src/model/model-types.js';
import { arch, buildWorkspace, createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

async function modelOf(text: string) {
    const doc = await services.parse(text, { validation: true });
    return services.Arch.model.ModelProvider.getModel(doc);
}

describe('elements', () => {
    test('carry kind, label (defaulting to the id), technology and normalised properties', async () => {
        const model = await modelOf(arch(`
            service orders "Order Service" : go { replicas 3 health "/healthz" tls }
            function resize : lambda { memory 512mb timeout 30s }
            service payments`));
        expect(model.elements.get('orders')).toMatchObject({
            kind: 'service', label: 'Order Service', technology: 'go',
            properties: { replicas: 3, health: '/healthz', tls: true },
        });
        expect(model.elements.get('payments')?.label).toBe('payments');
        // Durations in ms, sizes in bytes: rules compare numbers, not text.
        expect(model.elements.get('resize')?.properties).toEqual({ memory: 512_000_000, timeout: 30_000 });
    });

    test('invalid property values are left out of the model', async () => {
        const model = await modelOf(arch('service a { replicas -2 port 8080 }'));
        expect(model.elements.get('a')?.properties).toEqual({ port: 8080 });
    });

    test('source locations point at the name', async () => {
        const model = await modelOf('architecture "x" {\n  service orders : go\n}');
        const loc = model.elements.get('orders')!.location;
        expect(loc.range).toEqual({ start: { line: 1, character: 10 }, end: { line: 1, character: 16 } });
        expect(loc.fullRange.start).toEqual({ line: 1, character: 2 });
    });

    test('sidecars hang off their host and share its group', async () => {
        const model = await modelOf(arch(`mesh m { service orders { sidecar ordersProxy : envoy { breaker } } }`));
        expect(model.elements.get('orders')?.sidecarIds).toEqual(['ordersProxy']);
        expect(model.elements.get('ordersProxy')).toMatchObject({ kind: 'sidecar', hostId: 'orders', groupId: 'm', properties: { breaker: true } });
    });

    test('a data store knows its owner', async () => {
        const model = await modelOf(arch('service orders\ndatabase ordersDb { owner orders }'));
        expect(model.elements.get('ordersDb')?.ownerId).toBe('orders');
    });
});

describe('groups', () => {
    test('nest, keep member order and know their parents', async () => {
        const model = await modelOf(arch(`
            system shop {
                monolith app : java {
                    layer presentation { component web }
                    layer business { component cart component pricing }
                }
                service search
            }`));
        expect(model.rootGroupIds).toEqual(['shop']);
        expect(model.groups.get('shop')).toMatchObject({ kind: 'system', elementIds: ['search'], groupIds: ['app'] });
        expect(model.groups.get('app')?.groupIds).toEqual(['presentation', 'business']);
        expect(model.groups.get('business')).toMatchObject({ kind: 'layer', parentId: 'app', elementIds: ['cart', 'pricing'] });
        expect(model.elements.get('cart')?.groupId).toBe('business');
        expect(ancestorGroups(model, 'cart').map(g => g.id)).toEqual(['business', 'app', 'shop']);
    });
});

describe('relations', () => {
    test('take their kind from the arrow, with protocol, label and policies', async () => {
        const model = await modelOf(arch(`
            gateway edge service orders bus events
            edge -> orders : rest "POST /orders" { timeout 2s retries 2 breaker }
            orders ~> events "OrderPlaced"`));
        expect(model.relations.map(r => [r.id, r.kind, r.protocol, r.label])).toEqual([
            ['edge->orders', 'sync', 'rest', 'POST /orders'],
            ['orders~>events', 'async', undefined, 'OrderPlaced'],
        ]);
        expect(model.relations[0].properties).toEqual({ timeout: 2000, retries: 2, breaker: true });
        expect(outgoingOf(model, 'orders').map(r => r.id)).toEqual(['orders~>events']);
        expect(incomingOf(model, 'orders').map(r => r.id)).toEqual(['edge->orders']);
    });

    test('repeated relations between the same ends get distinct ids', async () => {
        const model = await modelOf(arch('service a service b\na -> b "read"\na -> b "write"'));
        expect(model.relations.map(r => r.id)).toEqual(['a->b', 'a->b#2']);
    });

    test('function triggers become trigger relations into the function', async () => {
        const model = await modelOf(arch('storage uploads\nfunction resize { trigger uploads "ObjectCreated" }'));
        expect(model.relations.map(r => [r.id, r.kind, r.sourceId, r.targetId, r.label])).toEqual([
            ['uploads~>resize', 'trigger', 'uploads', 'resize', 'ObjectCreated'],
        ]);
    });

    test('relations with unresolved ends are left out', async () => {
        const model = await modelOf(arch('service a\na -> nowhere'));
        expect(model.relations).toEqual([]);
    });

    test('groups can be relation ends', async () => {
        const model = await modelOf(arch('client web\nmonolith app { layer ui { component page } }\nweb -> app'));
        expect(model.relations.map(r => [r.sourceId, r.targetId])).toEqual([['web', 'app']]);
    });
});

describe('observability signals', () => {
    test('come from the protocol, the target back end, or the helpers the target forwards to', async () => {
        const model = await modelOf(arch(`
            service orders
            metrics prom : prometheus
            logs es : elasticsearch
            traces jaeger : jaeger
            shipper filebeat
            collector logstash
            agent jaegerAgent { signal traces }
            filebeat ~> logstash
            logstash ..> es
            orders ..> prom
            orders ..> filebeat : logs
            orders ..> logstash
            orders ..> jaegerAgent`));
        const signals = Object.fromEntries(model.relations.filter(r => r.kind === 'observe').map(r => [r.id, r.signal]));
        expect(signals).toEqual({
            'logstash..>es': 'logs',
            'orders..>prom': 'metrics',
            'orders..>filebeat': 'logs',
            'orders..>logstash': 'logs',
            'orders..>jaegerAgent': 'traces',
        });
    });
});

describe('suppressions', () => {
    test('archsight-ignore comments above a declaration name rule ids', async () => {
        const model = await modelOf(arch(`
            // archsight-ignore single-replica: a batch job, restarts are fine
            // archsight-ignore orphan-element, missing-observability
            service batch
            service api
            /* archsight-ignore missing-timeout: legacy client */
            api -> batch`));
        expect(model.elements.get('batch')?.suppressions).toEqual(['single-replica', 'orphan-element', 'missing-observability']);
        expect(model.elements.get('api')?.suppressions).toEqual([]);
        expect(model.relations[0].suppressions).toEqual(['missing-timeout']);
    });
});

describe('imports', () => {
    test('the model spans the document and the files it imports, transitively', async () => {
        const docs = await buildWorkspace(services, {
            'main.arch': 'import "./services.arch"\narchitecture "Shop" { gateway edge\nedge -> orders }',
            'services.arch': 'import "./data.arch"\nservice orders\norders -> ordersDb',
            'data.arch': 'database ordersDb',
            'unrelated.arch': 'service other',
        });
        const model = services.Arch.model.ModelProvider.getModel(docs['main.arch']);
        expect(model.title).toBe('Shop');
        expect([...model.elements.keys()].sort()).toEqual(['edge', 'orders', 'ordersDb']);
        expect(model.relations.map(r => r.id).sort()).toEqual(['edge->orders', 'orders->ordersDb']);
        expect(model.elements.get('ordersDb')?.location.uri).toBe('file:///ws/data.arch');
    });

    test('the model is built once per workspace state', async () => {
        const doc = await services.parse(arch('service a'), { validation: true });
        const provider = services.Arch.model.ModelProvider;
        expect(provider.getModel(doc)).toBe(provider.getModel(doc));
    });
});
