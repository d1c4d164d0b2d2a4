import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { compareDrift } from '../../language-server/src/drift/compare-drift.js';
import { driftDiagramModel } from '../../language-server/src/drift/drift-diagram-model.js';
import { importSources } from '../../language-server/src/import/import-sources.js';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import { createTestServices } from '../helpers/services.js';
import { FIXTURES } from '../import/import-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

// Robot shop, written down without two of the calls its compose file shows (cart -> redis, ratings -> mysql).
const MODEL = `architecture "Robot shop" {
  service web
  service cart
  service catalogue
  service ratings
  cache redis : redis
  database mysql : mysql
  database mongodb : mongo
  web -> catalogue
  web -> cart
  catalogue -> mongodb
}
`;

/** The edges of an SVG as `source->target classes`, for the edges that carry `change-` classes. */
function markedEdges(svg: string): string[] {
    return [...svg.matchAll(/<g class="(edge [^"]*change-[^"]*)" data-id="[^"]*"(?: data-relations="[^"]*")? data-source="([^"]+)" data-target="([^"]+)"/g)]
        .map(m => `${m[2]}->${m[3]} ${m[1]}`);
}

async function driftOf(text: string) {
    const document = await services.parse(text, { validation: true });
    const model = services.Arch.model.ModelProvider.getModel(document);
    const findings = compareDrift(model, await importSources(['robot-shop/docker-compose.yaml'], { cwd: FIXTURES }));
    return { document, model, calls: findings.flatMap(f => (f.call ? [f.call] : [])) };
}

describe('the drift diagram: calls that run but are not declared', () => {
    test('are drawn between their ends, dashed in the finding colour, with a legend entry; declared calls are not marked', async () => {
        const { model, calls } = await driftOf(MODEL);
        expect(calls).toContainEqual({ sourceId: 'cart', targetId: 'redis', arrow: '->' });
        const drawn = driftDiagramModel(model, calls);
        const { svg } = await services.Arch.diagram.DiagramGenerator.generate(drawn.model, { view: 'all', direction: 'RIGHT', theme: 'light', legend: true, changes: drawn.changes });
        const edges = markedEdges(svg);
        expect(edges).toContain('cart->redis edge rel-sync change-undeclared');
        expect(edges).toContain('ratings->mysql edge rel-sync change-undeclared');
        expect(edges.filter(e => e.startsWith('web->catalogue') || e.startsWith('catalogue->mongodb'))).toEqual([]);
        expect(edges.length).toBe(calls.length);
        // The stylesheet draws the class dashed in the colour of a warning finding; the legend names it.
        const warning = /\.edge\.finding-warning \.edge-line \{ stroke: (#[0-9a-f]+);/.exec(svg)?.[1];
        expect(warning).toBeDefined();
        expect(svg).toContain(`.edge.change-undeclared .edge-line { stroke: ${warning}; stroke-width: 2.6; stroke-dasharray: 7 4; }`);
        expect(svg).toContain('runs, but not in the model (drift)');
        expect(svg).not.toContain('removed (where it was)');
    });

    test('near miss: once the model declares a call, or an end is gone, it is not drawn', async () => {
        const { model } = await driftOf(MODEL.replace('web -> cart', 'web -> cart\n  cart -> redis'));
        const drawn = driftDiagramModel(model, [
            { sourceId: 'cart', targetId: 'redis', arrow: '->' },
            { sourceId: 'cart', targetId: 'gone', arrow: '->' },
        ]);
        expect(drawn.changes).toEqual({});
        expect(drawn.model).toBe(model);
    });

    test('the preview\'s diagram request draws the undeclared calls it is given, and rejects malformed ones', async () => {
        const { document, calls } = await driftOf(MODEL);
        const handler = new DiagramHandler(services.shared);
        const uri = document.uri.toString();
        const base = { uri, view: 'all', direction: 'RIGHT', theme: 'light', legend: false } as const;
        const plain = await handler.handle(base);
        expect(markedEdges(plain.diagram!.svg)).toEqual([]);
        const withDrift = await handler.handle({ ...base, undeclaredCalls: calls });
        expect(markedEdges(withDrift.diagram!.svg)).toContain('cart->redis edge rel-sync change-undeclared');
        // The undeclared call is an item: a click on it reveals its caller.
        expect(withDrift.diagram!.items.find(i => i.id === 'undeclared:cart->redis')?.range.start.line).toBe(2);
        const bad = await handler.handle({ ...base, undeclaredCalls: [{ sourceId: 'cart', targetId: 'redis', arrow: '<script>' }] });
        expect(bad.error).toBe('undeclaredCalls must be a list of { sourceId, targetId, arrow } with arrow -> or ~>.');
    });
});
