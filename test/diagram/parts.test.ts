import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import type { PlacedNode } from '../../language-server/src/diagram/graph-types.js';
import { toMermaid } from '../../language-server/src/export/mermaid.js';
import { createTestServices } from '../helpers/services.js';
import { classesOf, groupsWithClass, modelOf, parseSvg } from './diagram-helpers.js';

/** Versions of a service and databases of a database server are drawn inside its box. */
const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

const OPTIONS: DiagramOptions = { view: 'all', direction: 'RIGHT', theme: 'light', legend: false };

const PARTS = `architecture "Parts" {
  gateway edge : envoy
  system shop "Shop" {
    service reviews : java {
      version reviewsV1 : java { weight 90 }
      version reviewsV2 : java { weight 10 }
    }
    service ratings : java
    dbserver mysql "MySQL instance" : mysql {
      database reviewsDb { owner reviews }
      database ratingsDb { owner ratings }
    }
  }
  dbserver pg "Postgres" : postgres {
    database otherDb
  }
  edge -> reviewsV1 : http
  edge -> reviewsV2 : http
  reviews -> ratings : http
  reviews -> reviewsDb
  ratings -> ratingsDb
  ratings -> otherDb
}`;

function inside(part: PlacedNode, host: PlacedNode, band: number): boolean {
    return part.x >= host.x && part.x + part.width <= host.x + host.width
        && part.y >= host.y + band && part.y + part.height <= host.y + host.height;
}

describe('parts drawn inside their element', () => {
    test('versions sit inside their service, databases inside their server, in a group or at the top level', async () => {
        const model = await modelOf(services, PARTS);
        for (const direction of ['RIGHT', 'DOWN'] as const) {
            const diagram = await generator.layout(model, { ...OPTIONS, direction });
            const box = (id: string) => diagram.nodes.find(n => n.spec.id === id)!;
            for (const [part, host] of [['reviewsV1', 'reviews'], ['reviewsV2', 'reviews'], ['reviewsDb', 'mysql'], ['ratingsDb', 'mysql'], ['otherDb', 'pg']]) {
                expect(box(part), part).toBeDefined();
                expect(box(host).spec.band, host).toBeGreaterThan(0);
                expect(inside(box(part), box(host), box(host).spec.band!), `${part} inside ${host} (${direction})`).toBe(true);
            }
            // A service without parts stays a plain box.
            expect(box('ratings').spec.band).toBeUndefined();
            // Every relation into a part is drawn.
            expect(diagram.edges.map(e => e.spec.id).sort()).toEqual(model.relations.map(r => r.id).sort());
        }
    });

    test('the SVG draws the host before its parts, marked as holding them, with its text in the band', async () => {
        const model = await modelOf(services, PARTS);
        const result = await generator.generate(model, OPTIONS);
        const nodes = groupsWithClass(parseSvg(result.svg), 'node');
        const ids = nodes.map(n => n.getAttribute('data-id'));
        expect(ids.indexOf('mysql')).toBeLessThan(ids.indexOf('reviewsDb'));
        expect(ids.indexOf('reviews')).toBeLessThan(ids.indexOf('reviewsV1'));
        expect(nodes.filter(n => classesOf(n).includes('has-parts')).map(n => n.getAttribute('data-id')).sort()).toEqual(['mysql', 'pg', 'reviews']);
        const diagram = await generator.layout(model, OPTIONS);
        const mysql = nodes.find(n => n.getAttribute('data-id') === 'mysql')!;
        const band = diagram.nodes.find(n => n.spec.id === 'mysql')!.spec.band!;
        const label = Array.from(mysql.getElementsByTagName('text')).find(t => t.getAttribute('class') === 'label')!;
        expect(Number(label.getAttribute('y'))).toBeLessThan(band);
    });

    test('a focus on a version brings its service; a call between a service and its own version is not drawn', async () => {
        const model = await modelOf(services, PARTS);
        const focused = await generator.layout(model, { ...OPTIONS, focus: 'reviewsV2' });
        expect(focused.nodes.map(n => n.spec.id)).toContain('reviews');
        const own = await modelOf(services, 'architecture "Own" {\n  service a {\n    version a1\n  }\n  service b\n  a -> a1\n  b -> a1\n}');
        const result = await generator.generate(own, OPTIONS);
        expect(result.notice).toMatch(/1 relation between a group and its own members/);
        const edges = groupsWithClass(parseSvg(result.svg), 'edge').map(e => e.getAttribute('data-id'));
        expect(edges).toEqual(['b->a1']);
    });

    test('the Mermaid export draws a service with versions as a subgraph holding them', async () => {
        const model = await modelOf(services, PARTS);
        const text = toMermaid(await generator.layout(model, OPTIONS), model, 'RIGHT');
        const block = /subgraph (n\d+)\["reviews \[java\]"\]\n((?:\s{4,}.*\n)+)\s+end/.exec(text);
        expect(block, text).not.toBeNull();
        expect(block![2]).toContain('"reviewsV1 [java]"');
        expect(block![2]).toContain('"reviewsV2 [java]"');
    });
});
