import { clearDocuments } from 'langium/test';
import type { Document, Element } from '@xmldom/xmldom';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import { arch, createTestServices } from '../helpers/services.js';
import { allText, classesOf, elementsOf, fixture, groupsWithClass, modelOf, drawWith } from './diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

const OPTIONS: DiagramOptions = { view: 'all', direction: 'RIGHT', theme: 'light', legend: true };

function nodeElement(doc: Document, id: string): Element {
    return groupsWithClass(doc, 'node').find(n => n.getAttribute('data-id') === id)!;
}

const draw = drawWith(services, OPTIONS);

describe('the SVG', () => {
    test('draws every element, group and relation with its kind and id', async () => {
        const { model, doc } = await draw(fixture('service-mesh'));
        const nodes = groupsWithClass(doc, 'node');
        expect(nodes.map(n => n.getAttribute('data-id')).sort()).toEqual([...model.elements.keys()].sort());
        for (const node of nodes) {
            expect(classesOf(node)).toContain(`kind-${model.elements.get(node.getAttribute('data-id')!)!.kind}`);
        }
        const groups = groupsWithClass(doc, 'group');
        expect(groups.map(g => `${g.getAttribute('data-id')} ${classesOf(g)[1]}`).sort()).toEqual([
            'dataplane:shopMesh group-data-plane', 'istiod group-control-plane', 'shopMesh group-mesh',
        ]);
        const edges = groupsWithClass(doc, 'edge').filter(e => !classesOf(e).includes('bundle'));
        const bundles = groupsWithClass(doc, 'bundle');
        const drawn = [...edges.map(e => e.getAttribute('data-id')), ...bundles.flatMap(b => b.getAttribute('data-relations')!.split(' '))];
        expect(drawn.sort()).toEqual(model.relations.map(r => r.id).sort());
        for (const edge of edges) {
            const relation = model.relations.find(r => r.id === edge.getAttribute('data-id'))!;
            expect(classesOf(edge)).toContain(`rel-${relation.kind}`);
            expect([edge.getAttribute('data-source'), edge.getAttribute('data-target')]).toEqual([relation.sourceId, relation.targetId]);
        }
    });

    test('bundles the signal links of a group\'s members into one edge from the group, in the overview only', async () => {
        const { doc, result } = await draw(fixture('service-mesh'));
        const bundles = groupsWithClass(doc, 'bundle').filter(b => classesOf(b).includes('rel-observe')).map(b => ({
            id: b.getAttribute('data-id'),
            classes: classesOf(b).join(' '),
            ends: `${b.getAttribute('data-source')} -> ${b.getAttribute('data-target')}`,
            relations: b.getAttribute('data-relations'),
            label: elementsOf(b, 'text').map(t => t.textContent).join(' '),
        }));
        expect(bundles).toEqual([
            {
                id: 'bundle:shopMesh..>prometheus:metrics', classes: 'edge rel-observe signal-metrics bundle', ends: 'shopMesh -> prometheus',
                relations: 'frontendProxy..>prometheus ordersProxy..>prometheus paymentsProxy..>prometheus inventoryProxy..>prometheus', label: '4 sidecars',
            },
            {
                id: 'bundle:shopMesh..>jaeger:traces', classes: 'edge rel-observe signal-traces bundle', ends: 'shopMesh -> jaeger',
                relations: 'ordersProxy..>jaeger paymentsProxy..>jaeger', label: '2 sidecars',
            },
        ]);
        expect(result.notice).toBe('6 signal links are drawn as 2 edges from their groups; the observability view shows each.');
        expect(result.items.find(i => i.id === 'bundle:shopMesh..>jaeger:traces')?.range.start.line).toBe(47);
        const observability = (await draw(fixture('service-mesh'), { view: 'observability' })).doc;
        expect(groupsWithClass(observability, 'bundle')).toEqual([]);
        expect(groupsWithClass(observability, 'edge')).toHaveLength(6);
    });

    test('shows each label, and the technology in smaller type beneath it', async () => {
        const { doc } = await draw(arch('service orders "Order Service" : go'));
        const [node] = groupsWithClass(doc, 'node');
        const texts = elementsOf(node, 'text').map(t => `${t.getAttribute('class')}: ${t.textContent}`);
        expect(texts).toEqual(['label: Order Service', 'technology: go']);
        const [label, technology] = elementsOf(node, 'text');
        expect(Number(technology.getAttribute('y'))).toBeGreaterThan(Number(label.getAttribute('y')));
    });

    test('wraps a long label onto more lines inside a taller box instead of letting it run out', async () => {
        const { result, doc } = await draw(arch(`
            service short "Orders"
            service long "Customer Request Routing And Regional Failover" : kotlin`));
        const labels = (id: string) => elementsOf(nodeElement(doc, id), 'text').filter(t => t.getAttribute('class') === 'label').map(t => t.textContent);
        expect(labels('long').length).toBeGreaterThan(1);
        expect(labels('long').join(' ')).toBe('Customer Request Routing And Regional Failover');
        const laidOut = await generator.layout(await modelOf(services, arch('service short "Orders"\nservice long "Customer Request Routing And Regional Failover"')), OPTIONS);
        const height = (id: string) => laidOut.nodes.find(n => n.spec.id === id)!.height;
        expect(height('long')).toBeGreaterThan(height('short'));
        expect(result.items.map(i => i.id)).toEqual(['short', 'long']);
    });

    test('cuts a label too long even for three lines with an ellipsis, and keeps all of it in the tooltip', async () => {
        const label = 'The Service That Handles Every Single Customer Request Across All Regions And Continents';
        const { doc } = await draw(arch(`service s "${label}"`));
        const node = nodeElement(doc, 's');
        const lines = elementsOf(node, 'text').map(t => t.textContent ?? '');
        expect(lines).toHaveLength(3);
        expect(lines[2]).toMatch(/…$/);
        expect(elementsOf(node, 'title')[0].textContent).toBe(`${label} (service)`);
    });

    test('draws calls solid, messages dashed, signals dotted and coloured by signal, each with an arrow head', async () => {
        const { doc } = await draw(arch(`
            service a
            service b
            bus events
            metrics prom
            logs elastic
            a -> b : grpc
            a ~> events "Placed"
            a ..> prom
            a ..> elastic`));
        const edgeClasses = groupsWithClass(doc, 'edge').map(e => classesOf(e).join(' ')).sort();
        expect(edgeClasses).toEqual(['edge rel-async', 'edge rel-observe signal-logs', 'edge rel-observe signal-metrics', 'edge rel-sync']);
        for (const edge of groupsWithClass(doc, 'edge')) {
            expect(elementsOf(edge, 'path').map(p => p.getAttribute('class'))).toEqual(
                ['edge-hit', 'edge-line', classesOf(edge).includes('rel-async') ? 'edge-arrow open' : 'edge-arrow']);
        }
        const labels = groupsWithClass(doc, 'edge').map(e => elementsOf(e, 'text').map(t => t.textContent).join('/'));
        expect(labels.sort()).toEqual(['', '', 'Placed', 'grpc']);
    });

    test('escapes hostile text in labels, technologies and titles', async () => {
        const hostile = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', ']]>', 'Tom & Jerry'];
        const q = (text: string) => `"${text.replace(/["\\]/g, ch => `\\${ch}`)}"`;
        const { doc, result } = await draw(`architecture ${q(hostile[1])} {
            service a ${q(hostile[0])} : ${q(hostile[2])}
            service b ${q(hostile[3])}
            a -> b : ${q(hostile[1])} ${q(`${hostile[2]} & more`)}
        }`);
        expect(elementsOf(doc, 'script')).toEqual([]);
        expect(elementsOf(doc, 'img')).toEqual([]);
        const textOf = (element: Element) => elementsOf(element, 'text').map(t => t.textContent).join('');
        expect(textOf(nodeElement(doc, 'a'))).toBe(hostile[0] + hostile[2]);
        expect(textOf(nodeElement(doc, 'b'))).toBe(hostile[3]);
        // The protocol line is cut to fit; the tooltip has all of it.
        const [edge] = groupsWithClass(doc, 'edge');
        expect(textOf(edge)).toBe('"><img src=x onerror=a…' + `${hostile[2]} & more`);
        expect(elementsOf(edge, 'title')[0].textContent).toBe(`${hostile[0]} calls ${hostile[3]}: ${hostile[1]} ${hostile[2]} & more`);
        expect(elementsOf(doc, 'title')[0].textContent).toBe(hostile[1]);
        expect(result.svg).not.toContain('<script');
        expect(result.svg).not.toContain('<img');
    });

    test('replaces characters that XML forbids rather than producing a broken document', async () => {
        const { doc } = await draw(arch('service a "nul\\0here" : "tab\\tok"'));
        expect(elementsOf(nodeElement(doc, 'a'), 'text').map(t => t.textContent)).toEqual(['nul\uFFFDhere', 'tab\tok']);
    });

    test('is styled by classes only: no colours, fills or inline styles on elements', async () => {
        const { doc } = await draw(fixture('microservices-shop'), { findings: { orders: [{ severity: 'error', message: 'x' }] } });
        const styled: string[] = [];
        for (const element of elementsOf(doc, '*')) {
            for (const attribute of ['style', 'fill', 'stroke', 'color', 'stroke-width', 'opacity', 'font-size', 'font-family']) {
                if (element.hasAttribute(attribute)) styled.push(`<${element.tagName} ${attribute}>`);
            }
        }
        expect(styled).toEqual([]);
    });

    test('marks findings with a class per severity and lists their messages in the tooltip', async () => {
        const { doc } = await draw(arch('service orders\ndatabase db\norders -> db'), {
            findings: {
                orders: [{ severity: 'warning', message: 'No timeout on the call.', code: 'sync-without-timeout' }, { severity: 'error', message: 'Cycle.' }],
                'orders->db': [{ severity: 'info', message: 'Shared database.' }],
            },
        });
        const orders = groupsWithClass(doc, 'node').find(n => n.getAttribute('data-id') === 'orders')!;
        expect(classesOf(orders)).toEqual(expect.arrayContaining(['finding-error', 'finding-warning']));
        expect(elementsOf(orders, 'title')[0].textContent).toBe('orders (service)\n✖ Cycle.\n⚠ No timeout on the call. [sync-without-timeout]');
        const db = groupsWithClass(doc, 'node').find(n => n.getAttribute('data-id') === 'db')!;
        expect(classesOf(db).filter(c => c.startsWith('finding-'))).toEqual([]);
        const [edge] = groupsWithClass(doc, 'edge');
        expect(classesOf(edge)).toContain('finding-info');
        expect(elementsOf(edge, 'title')[0].textContent).toBe('orders calls db\nℹ Shared database.');
    });

    test('embeds a light or dark stylesheet with plain colours; the VS Code theme brings its own', async () => {
        const text = arch('service a');
        const light = (await draw(text, { theme: 'light' })).doc;
        const dark = (await draw(text, { theme: 'dark' })).doc;
        const vscode = (await draw(text, { theme: 'vscode' })).doc;
        const css = (doc: typeof light) => elementsOf(doc, 'style').map(allText).join('');
        expect(css(light)).toMatch(/\.diagram-background \{ fill: #ffffff; \}/);
        expect(css(dark)).toMatch(/\.diagram-background \{ fill: #1e1e1e; \}/);
        expect(css(light)).not.toContain('var(');
        expect(css(dark)).not.toContain('var(');
        expect(elementsOf(vscode, 'style')).toEqual([]);
        expect(classesOf(vscode.documentElement!)).toEqual(['archsight-diagram', 'theme-vscode', 'direction-right']);
    });

    test('has a legend of the shapes and lines it uses, which can be left out', async () => {
        const text = arch('client web\nservice a\ndatabase db\nweb -> a\na ~> db');
        const withLegend = (await draw(text)).doc;
        const [legend] = groupsWithClass(withLegend, 'legend');
        expect(elementsOf(legend, 'text').map(t => t.textContent)).toEqual(['Legend', 'client', 'service', 'database', 'call (request/response)', 'message (asynchronous)']);
        const without = await draw(text, { legend: false });
        expect(groupsWithClass(without.doc, 'legend')).toEqual([]);
        expect(without.result.height).toBeLessThan((await draw(text)).result.height);
    });

    test('reports its size and every drawn item with where it is declared', async () => {
        const { result, doc } = await draw('architecture "x" {\n  service a\n  system s {\n    service b\n  }\n  a -> b\n}\n');
        expect(doc.documentElement!.getAttribute('width')).toBe(String(result.width));
        expect(doc.documentElement!.getAttribute('height')).toBe(String(result.height));
        expect(result.items.map(i => `${i.type} ${i.id} ${i.range.start.line}:${i.range.start.character}`).sort()).toEqual([
            'element a 1:10', 'element b 3:12', 'group s 2:9', 'relation a->b 5:2',
        ]);
        expect(result.items.every(i => i.uri === result.items[0].uri && i.uri.endsWith('.arch'))).toBe(true);
    });

    test('an empty architecture gives a small document that says there is nothing to draw', async () => {
        const { doc, result } = await draw('architecture "Empty" {}');
        expect(elementsOf(doc, 'text').map(t => t.textContent)).toEqual(['Nothing to draw in this view.']);
        expect(result.items).toEqual([]);
    });
});
