import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clearDocuments } from 'langium/test';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import type { LaidOutDiagram } from '../../language-server/src/diagram/graph-types.js';
import { toDrawio } from '../../language-server/src/export/drawio.js';
import { toMermaid } from '../../language-server/src/export/mermaid.js';
import { modelToJson } from '../../language-server/src/export/model-json.js';
import { ELEMENT_KINDS, GROUP_KINDS } from '../../language-server/src/model/kinds.js';
import type { ArchModel } from '../../language-server/src/model/model-types.js';
import { elementsOf, modelOf, parseSvg } from '../diagram/diagram-helpers.js';
import { REPO } from '../helpers/cli.js';
import { createTestServices } from '../helpers/services.js';

// Exports of a drawn view: the diagram pipeline decides what is drawn and where; each format
// writes that down. Labels are hostile on purpose: quotes, markup, Mermaid syntax, newlines.
const services = createTestServices();
const OPTIONS: DiagramOptions = { view: 'all', direction: 'RIGHT', theme: 'light', legend: false };
const TEXT = `architecture "Shop <&> \\"quoted\\"" {
  client web "Web <b>shop</b>" : react
  system shop "Shop \\"core\\" ]] end" {
    service orders "Orders --> x;" : go
    database ordersDb "Orders DB" : postgres { owner orders }
    system inner "Inner" {
      service billing "Billing #35; & co"
    }
  }
  bus events "Events" : kafka
  web -> orders : https "POST /orders \\"now\\"" { timeout 2s }
  orders -> ordersDb
  orders -> billing { timeout 1s }
  orders ~> events "OrderPlaced | <script>"
}
`;

let model: ArchModel;
let diagram: LaidOutDiagram;

beforeAll(async () => {
    model = await modelOf(services, TEXT);
    diagram = await services.Arch.diagram.DiagramGenerator.layout(model, OPTIONS);
});

afterAll(() => clearDocuments(services.shared));

describe('draw.io', () => {
    test('parses as XML and holds every drawn node at the place and size the layout gave it', () => {
        const doc = parseSvg(toDrawio(diagram, model.title));
        const cells = elementsOf(doc, 'mxCell');
        const vertices = cells.filter(c => c.getAttribute('vertex') === '1');
        expect(vertices).toHaveLength(diagram.nodes.length);
        diagram.nodes.forEach((node, index) => {
            const cell = vertices[index];
            const geometry = elementsOf(cell, 'mxGeometry')[0];
            expect([geometry.getAttribute('x'), geometry.getAttribute('y'), geometry.getAttribute('width'), geometry.getAttribute('height')].map(Number))
                .toEqual([node.x, node.y, node.width, node.height].map(n => Math.round(n * 100) / 100));
            expect(cell.getAttribute('value')!.split('\n')[0]).toBe(node.spec.lines[0]);
        });
        expect(vertices.map(v => v.getAttribute('value')!.split('\n')[0])).toEqual(expect.arrayContaining(['Web <b>shop</b>', 'Shop "core" ]] end', 'Billing #35; & co']));
    });

    test('edges join the cells of their ends, through the bends of the route', () => {
        const doc = parseSvg(toDrawio(diagram));
        const cells = elementsOf(doc, 'mxCell');
        const byId = new Map(cells.map(c => [c.getAttribute('id'), c]));
        const edges = cells.filter(c => c.getAttribute('edge') === '1');
        expect(edges).toHaveLength(diagram.edges.length);
        diagram.edges.forEach((edge, index) => {
            const cell = edges[index];
            const source = diagram.nodes.find(n => n.spec.id === edge.spec.sourceId)!;
            expect(byId.get(cell.getAttribute('source'))!.getAttribute('value')!.split('\n')[0]).toBe(source.spec.lines[0]);
            expect(elementsOf(cell, 'mxPoint').filter(p => !p.getAttribute('as'))).toHaveLength(Math.max(0, edge.points.length - 2));
        });
        const publish = edges.find(e => e.getAttribute('value')!.includes('OrderPlaced'))!;
        expect(publish.getAttribute('value')).toBe('OrderPlaced | <script>');
        expect(publish.getAttribute('style')).toContain('dashed=1');
    });
});

describe('Mermaid', () => {
    /** Mermaid's own parser (it needs a DOM for its sanitiser: happy-dom stands in for the browser). */
    async function parseMermaid(text: string) {
        const { Window } = await import('happy-dom');
        const window = new Window();
        Object.assign(globalThis, { window, document: window.document });
        const { default: mermaid } = await import('mermaid');
        await mermaid.parse(text);
        const parsed = await mermaid.mermaidAPI.getDiagramFromText(text);
        const db = parsed.db as unknown as {
            getVertices(): Map<string, { id: string; text: string; type: string }>;
            getSubGraphs(): Array<{ id: string; title: string; nodes: string[] }>;
            getEdges(): Array<{ start: string; end: string; text: string; stroke: string }>;
            getDirection?(): string;
        };
        // Mermaid keeps `#code;` entities as placeholders until it draws: decode them as it would.
        const decode = (value: string) => value.replace(/ﬂ°°(\d+)¶ß/g, (_m, code) => String.fromCodePoint(Number(code)));
        return {
            type: parsed.type,
            vertices: [...db.getVertices().values()].map(v => ({ id: v.id, text: decode(v.text), type: v.type })),
            subgraphs: db.getSubGraphs().map(g => ({ id: g.id, title: decode(g.title), nodes: g.nodes })),
            edges: db.getEdges().map(e => ({ start: e.start, end: e.end, text: decode(e.text), stroke: e.stroke })),
        };
    }

    test('Mermaid\'s parser reads a flowchart with a subgraph per drawn group, nested as the groups are', async () => {
        const text = toMermaid(diagram, model, 'RIGHT');
        expect(text.split('\n').slice(0, 4)).toEqual(['---', 'title: "Shop <&> \\"quoted\\""', '---', 'flowchart LR']);
        const parsed = await parseMermaid(text);
        expect(parsed.type).toMatch(/^flowchart/);
        const idOf = (label: string) => [...parsed.vertices, ...parsed.subgraphs.map(g => ({ id: g.id, text: g.title }))].find(v => v.text.startsWith(label))!.id;
        const shop = parsed.subgraphs.find(g => g.title === 'Shop "core" ]] end [system]')!;
        const inner = parsed.subgraphs.find(g => g.title === 'Inner [system]')!;
        expect(shop.nodes).toEqual(expect.arrayContaining([idOf('Orders -->'), idOf('Orders DB'), inner.id]));
        expect(inner.nodes).toEqual([idOf('Billing')]);
        expect(parsed.subgraphs).toHaveLength(2);
        expect(parsed.vertices.map(v => v.text)).toEqual(expect.arrayContaining(['Web <b>shop</b> [react]', 'Orders --> x; [go]', 'Billing #35; & co', 'Orders DB [postgres]']));
        expect(parsed.vertices.find(v => v.text.startsWith('Orders DB'))!.type).toBe('cylinder');
        expect(parsed.edges).toHaveLength(diagram.edges.length);
        const publish = parsed.edges.find(e => e.text.startsWith('OrderPlaced'))!;
        expect(publish).toMatchObject({ start: idOf('Orders -->'), end: idOf('Events'), text: 'OrderPlaced | <script>', stroke: 'dotted' });
        expect(parsed.edges.find(e => e.start === idOf('Web'))).toMatchObject({ end: idOf('Orders -->'), text: 'https POST /orders "now"', stroke: 'normal' });
    });

    test('labels cannot close their quotes or carry markup; top to bottom is TB', () => {
        const text = toMermaid(diagram, model, 'DOWN');
        expect(text.split('\n')[3]).toBe('flowchart TB');
        const body = text.split('\n').slice(4).join('\n');
        const quoted = [...body.matchAll(/"([^"]*)"/g)].map(m => m[1]);
        expect(quoted.length).toBeGreaterThan(diagram.nodes.length);
        expect(quoted.filter(label => /[<>&`]/.test(label))).toEqual([]);
        expect(body).toContain('"Web #60;b#62;shop#60;/b#62; [react]"');
        expect(body).toContain('"Billing #35;35; #38; co"');
    });
});

describe('the model as JSON', () => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas/archsight.model.schema.json'), 'utf8'));
    const validate = new AjvModule.default({ allErrors: true, strict: false }).compile(schema);

    test('matches its published schema, whose kinds are the language\'s', () => {
        const json = JSON.parse(JSON.stringify(modelToJson(model)));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(schema.properties.elements.items.properties.kind.enum).toEqual(Object.keys(ELEMENT_KINDS));
        expect(schema.properties.groups.items.properties.kind.enum).toEqual(Object.keys(GROUP_KINDS));
        expect(json.$schema).toBe(schema.$id);
    });

    test('holds the elements, groups and relations with their places in the source', () => {
        const json = modelToJson(model);
        expect(json.title).toBe('Shop <&> "quoted"');
        expect(json.elements.find(e => e.id === 'billing')).toMatchObject({ kind: 'service', label: 'Billing #35; & co', group: 'inner', source: { line: 7, column: 15 } });
        expect(json.elements.find(e => e.id === 'ordersDb')).toMatchObject({ owner: 'orders', technology: 'postgres' });
        expect(json.groups.find(g => g.id === 'inner')).toMatchObject({ parent: 'shop' });
        expect(json.relations.map(r => `${r.source} ${r.kind} ${r.target}`)).toEqual(['web sync orders', 'orders sync ordersDb', 'orders sync billing', 'orders async events']);
        expect(json.relations[0]).toMatchObject({ protocol: 'https', label: 'POST /orders "now"', properties: { timeout: expect.anything() } });
    });
});
