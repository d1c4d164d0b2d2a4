import type { ELK } from 'elkjs/lib/elk-api.js';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramGenerator } from '../../language-server/src/diagram/diagram-generator.js';
import { defaultElkFactory } from '../../language-server/src/diagram/elk-layout.js';
import type { FlowDirection, LaidOutDiagram } from '../../language-server/src/diagram/graph-types.js';
import { arch, createTestServices } from '../helpers/services.js';
import { fixture, modelOf, nodeById } from './diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

async function layout(text: string, direction: FlowDirection = 'RIGHT'): Promise<LaidOutDiagram> {
    return generator.layout(await modelOf(services, text), { view: 'all', direction });
}

/** Position along the flow and its far end: x and right edge when tiers run right, y and bottom when down. */
function along(diagram: LaidOutDiagram, id: string) {
    const node = nodeById(diagram, id);
    return diagram.direction === 'RIGHT' ? { start: node.x, end: node.x + node.width } : { start: node.y, end: node.y + node.height };
}

describe.each(['RIGHT', 'DOWN'] as const)('reads like architecture, tiers running %s', direction => {
    test('clients, then gateways, then services, with the observability stack after everything else', async () => {
        const diagram = await layout(fixture('microservices-shop'), direction);
        const clients = ['web', 'mobile', 'partner'];
        const services_ = ['catalog', 'cart', 'orders', 'payments', 'search'];
        const observability = ['prometheus', 'grafana', 'jaeger'];
        for (const client of clients) expect(along(diagram, client).end).toBeLessThan(along(diagram, 'edge').start);
        for (const service of services_) expect(along(diagram, 'edge').end).toBeLessThan(along(diagram, service).start);
        const others = diagram.nodes.filter(n => n.spec.type === 'element' && !observability.includes(n.spec.id)).map(n => along(diagram, n.spec.id).end);
        for (const o of observability) expect(along(diagram, o).start).toBeGreaterThan(Math.max(...others));
    });

    test('sidecars are docked to their service: touching it, across the flow', async () => {
        const diagram = await layout(fixture('service-mesh'), direction);
        for (const [host, sidecar] of [['frontend', 'frontendProxy'], ['orders', 'ordersProxy'], ['payments', 'paymentsProxy'], ['inventory', 'inventoryProxy']]) {
            const h = nodeById(diagram, host);
            const s = nodeById(diagram, sidecar);
            if (direction === 'RIGHT') {
                expect(s.y).toBeCloseTo(h.y + h.height, 0);
                expect(s.x + s.width).toBeGreaterThan(h.x);
                expect(s.x).toBeLessThan(h.x + h.width);
            } else {
                expect(s.x).toBeCloseTo(h.x + h.width, 0);
                expect(s.y + s.height).toBeGreaterThan(h.y);
                expect(s.y).toBeLessThan(h.y + h.height);
            }
        }
    });

    test('a monolith stacks its layers in the order they are written', async () => {
        const diagram = await layout(fixture('monolith'), direction);
        const layers = ['presentation', 'business', 'dataAccess', 'persistence'].map(id => along(diagram, id));
        for (let i = 1; i < layers.length; i++) expect(layers[i - 1].end).toBeLessThan(layers[i].start);
    });

    test('an ESB sits between the consumers and the providers it connects', async () => {
        const diagram = await layout(fixture('soa-esb'), direction);
        for (const consumer of ['portal', 'agents']) expect(along(diagram, consumer).end).toBeLessThan(along(diagram, 'bus').start);
        for (const provider of ['policy', 'claims', 'billing', 'customer']) expect(along(diagram, 'bus').end).toBeLessThan(along(diagram, provider).start);
    });

    test('a bus sits between its publishers and its subscribers', async () => {
        const diagram = await layout(arch('service orders\nservice payments\nbus events : kafka\nservice shipping\nservice mail\norders ~> events\npayments ~> events\nevents ~> shipping\nevents ~> mail'), direction);
        for (const publisher of ['orders', 'payments']) expect(along(diagram, publisher).end).toBeLessThan(along(diagram, 'events').start);
        for (const subscriber of ['shipping', 'mail']) expect(along(diagram, 'events').end).toBeLessThan(along(diagram, subscriber).start);
    });
});

describe('layout reuse', () => {
    /** A generator whose ELK counts the layouts it runs. */
    function countingGenerator() {
        let runs = 0;
        const generator = new DiagramGenerator({
            layout: {
                ElkFactory: () => {
                    const elk = defaultElkFactory();
                    return { ...elk, layout: ((graph: Parameters<ELK['layout']>[0]) => { runs++; return elk.layout(graph); }) as ELK['layout'] } as ELK;
                },
            },
        });
        return { generator, runs: () => runs };
    }
    const options = { view: 'all', direction: 'RIGHT', theme: 'light', legend: true } as const;

    test('an edit that changes no size or connection reuses the last layout', async () => {
        const { generator, runs } = countingGenerator();
        const before = await generator.generate(await modelOf(services, arch('service orders "Orders" { replicas 2 }\ndatabase db\norders -> db')), options);
        const after = await generator.generate(await modelOf(services, arch('service orders "Orders" { replicas 5 }\ndatabase db\norders -> db')), options);
        expect(runs()).toBe(1);
        expect(after.svg).toBe(before.svg);
    });

    test('a label that still fits its box is redrawn on the same layout', async () => {
        const { generator, runs } = countingGenerator();
        await generator.generate(await modelOf(services, arch('service orders "Orders"\ndatabase db\norders -> db')), options);
        const after = await generator.generate(await modelOf(services, arch('service orders "Order"\ndatabase db\norders -> db')), options);
        expect(runs()).toBe(1);
        expect(after.svg).toContain('>Order<');
    });

    test('a longer label, a new relation or another direction lays out again', async () => {
        const { generator, runs } = countingGenerator();
        await generator.generate(await modelOf(services, arch('service orders "Orders"\ndatabase db\norders -> db')), options);
        await generator.generate(await modelOf(services, arch('service orders "The Order Management Service"\ndatabase db\norders -> db')), options);
        await generator.generate(await modelOf(services, arch('service orders "Orders"\ndatabase db\norders -> db\ndb ~> orders')), options);
        await generator.generate(await modelOf(services, arch('service orders "Orders"\ndatabase db\norders -> db')), { ...options, direction: 'DOWN' });
        expect(runs()).toBe(4);
    });
});

describe('when ELK rejects the constraints', () => {
    test('the diagram is laid out again without them rather than not at all', async () => {
        const refusing = new DiagramGenerator({
            layout: {
                ElkFactory: () => {
                    const elk = defaultElkFactory();
                    return {
                        ...elk,
                        layout: ((graph: Parameters<ELK['layout']>[0]) => JSON.stringify(graph).includes('elk.partitioning')
                            ? Promise.reject(new Error('UnsupportedConfigurationException'))
                            : elk.layout(graph)) as ELK['layout'],
                    } as ELK;
                },
            },
        });
        const model = await modelOf(services, arch('client web\nservice a { sidecar p }\nweb -> a'));
        const diagram = await refusing.layout(model, { view: 'all', direction: 'RIGHT' });
        expect(diagram.nodes.map(n => n.spec.id)).toEqual(['web', 'a', 'p']);
        expect(diagram.edges.map(e => e.spec.id)).toEqual(['web->a']);
    });
});
