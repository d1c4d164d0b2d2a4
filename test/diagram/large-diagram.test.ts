import { clearDocuments } from 'langium/test';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { toElkGraph } from '../../language-server/src/diagram/elk-graph.js';
import type { LaidOutDiagram } from '../../language-server/src/diagram/graph-types.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import type { ArchModel } from '../../language-server/src/model/model-types.js';
import { arch, createTestServices } from '../helpers/services.js';
import { contains, modelOf, onBorder, overlaps } from './diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

/** `domains` systems of four services and a database each, every service calling one of the previous domain. */
function platform(domains: number): string {
    const lines = ['client web', 'gateway edge', 'metrics prom', 'web -> edge'];
    for (let d = 0; d < domains; d++) {
        lines.push(`system d${d} "Domain ${d}" {`);
        for (let s = 0; s < 4; s++) lines.push(`  service s${d}_${s} : go`);
        lines.push(`  database db${d} : postgres`, `  s${d}_0 -> db${d}`, '}');
        for (let s = 0; s < 4; s++) {
            lines.push(d > 0 ? `s${d}_${s} -> s${d - 1}_${(s + d) % 4} : grpc { timeout 1s }` : `edge -> s0_${s} : rest`);
            lines.push(`s${d}_${s} ..> prom`);
        }
    }
    return arch(lines.join('\n'));
}

describe('a diagram of over 40 boxes', () => {
    let model: ArchModel;
    let diagram: LaidOutDiagram;
    beforeAll(async () => {
        model = await modelOf(services, platform(10));
        diagram = await generator.layout(model, { view: 'all', direction: 'RIGHT' });
    });

    test('is laid out with the quicker crossing search; a small one keeps the thorough one; past 100 boxes the layers are no longer sorted by the source', async () => {
        const optionsOf = async (domains: number) => {
            const m = await modelOf(services, platform(domains));
            return toElkGraph(m, selectView(m, 'all'), 'RIGHT').elk.layoutOptions!;
        };
        const medium = toElkGraph(model, selectView(model, 'all'), 'RIGHT').elk.layoutOptions!;
        expect(medium).toMatchObject({ 'elk.layered.thoroughness': '1', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' });
        expect((await optionsOf(3))['elk.layered.thoroughness']).toBeUndefined();
        expect((await optionsOf(20))['elk.layered.considerModelOrder.strategy']).toBe('NONE');
    });

    test('draws every element, none over another, each inside its group', () => {
        const elements = diagram.nodes.filter(n => n.spec.type === 'element');
        expect(elements).toHaveLength(model.elements.size);
        for (const [i, a] of elements.entries()) {
            for (const b of elements.slice(i + 1)) expect(overlaps(a, b), `${a.spec.id} × ${b.spec.id}`).toBe(false);
        }
        for (const node of elements) {
            const groupId = model.elements.get(node.spec.id)!.groupId;
            if (groupId) expect(contains(diagram.nodes.find(n => n.spec.id === groupId)!, node), `${node.spec.id} in ${groupId}`).toBe(true);
        }
    });

    test('every edge runs from the border of its source to the border of its target', () => {
        expect(diagram.edges.length).toBeGreaterThan(40);
        for (const edge of diagram.edges) {
            const source = diagram.nodes.find(n => n.spec.id === edge.spec.sourceId)!;
            const target = diagram.nodes.find(n => n.spec.id === edge.spec.targetId)!;
            expect(onBorder(edge.points[0], source), `${edge.spec.id} starts on ${source.spec.id}`).toBe(true);
            expect(onBorder(edge.points[edge.points.length - 1], target), `${edge.spec.id} ends on ${target.spec.id}`).toBe(true);
        }
    });
});
