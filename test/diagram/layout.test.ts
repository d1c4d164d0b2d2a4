import { clearDocuments } from 'langium/test';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { LaidOutDiagram, PlacedNode } from '../../language-server/src/diagram/graph-types.js';
import { FONT, textWidth } from '../../language-server/src/diagram/measure.js';
import { contentFrame } from '../../language-server/src/diagram/node-content.js';
import { SHAPE_OF_KIND, shapeInsets } from '../../language-server/src/diagram/shapes.js';
import type { ElementKind } from '../../language-server/src/model/kinds.js';
import type { ArchModel } from '../../language-server/src/model/model-types.js';
import { createTestServices } from '../helpers/services.js';
import { contains, crosses, FIXTURES, fixture, modelOf, onBorder, overlaps } from './diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

/**
 * Ids of the groups around an element or group, and the host of a sidecar; and the data
 * plane of a mesh (drawn when its control plane configures the members as one) around
 * whatever of the mesh is not in its control plane.
 */
function enclosing(model: ArchModel, id: string, diagram?: LaidOutDiagram): Set<string> {
    const result = new Set<string>();
    if (id.startsWith('dataplane:')) result.add(id.slice('dataplane:'.length));
    const element = model.elements.get(id);
    if (element?.hostId) result.add(element.hostId);
    let parent = element?.groupId ?? model.groups.get(id)?.parentId;
    let inControlPlane = model.groups.get(id)?.kind === 'control-plane';
    while (parent) {
        result.add(parent);
        const group = model.groups.get(parent)!;
        if (group.kind === 'mesh' && !inControlPlane && diagram?.nodes.some(n => n.spec.id === `dataplane:${parent}`)) result.add(`dataplane:${parent}`);
        inControlPlane ||= group.kind === 'control-plane';
        parent = group.parentId;
    }
    return result;
}

describe.each(FIXTURES.flatMap(name => (['RIGHT', 'DOWN'] as const).map(direction => [name, direction] as const)))('%s laid out %s', (name, direction) => {
    let model: ArchModel;
    let diagram: LaidOutDiagram;
    let elements: PlacedNode[];

    beforeAll(async () => {
        model = await modelOf(services, fixture(name));
        expect(model.problems).toEqual([]);
        diagram = await generator.layout(model, { view: 'all', direction });
        elements = diagram.nodes.filter(n => n.spec.type === 'element');
    });

    test('every element, group and relation is drawn once (signal links maybe in a bundle)', () => {
        const dataPlanes = diagram.nodes.map(n => n.spec.id).filter(id => id.startsWith('dataplane:'));
        expect(diagram.nodes.map(n => n.spec.id).sort()).toEqual([...model.elements.keys(), ...model.groups.keys(), ...dataPlanes].sort());
        const drawn = diagram.edges.flatMap(e => e.spec.relationIds ?? [e.spec.id]);
        expect(drawn.sort()).toEqual(model.relations.map(r => r.id).sort());
    });

    test('no two boxes overlap, except a group and what it holds', () => {
        const clashes: string[] = [];
        for (const [i, a] of diagram.nodes.entries()) {
            for (const b of diagram.nodes.slice(i + 1)) {
                if (enclosing(model, a.spec.id, diagram).has(b.spec.id) || enclosing(model, b.spec.id, diagram).has(a.spec.id)) continue;
                if (overlaps(a, b)) clashes.push(`${a.spec.id} × ${b.spec.id}`);
            }
        }
        expect(clashes).toEqual([]);
    });

    test('groups contain the boxes of their members', () => {
        for (const node of diagram.nodes) {
            for (const groupId of enclosing(model, node.spec.id, diagram)) {
                const group = diagram.nodes.find(n => n.spec.id === groupId)!;
                if (group.spec.type === 'group') expect(contains(group, node), `${groupId} ⊇ ${node.spec.id}`).toBe(true);
            }
        }
    });

    test('edge labels clear every element and every other label', () => {
        const labelled = diagram.edges.filter(e => e.labelBox);
        expect(labelled.length).toBe(diagram.edges.filter(e => e.spec.labelLines.length > 0).length);
        const clashes: string[] = [];
        for (const [i, edge] of labelled.entries()) {
            for (const node of elements) {
                if (overlaps(edge.labelBox!, node)) clashes.push(`label of ${edge.spec.id} × ${node.spec.id}`);
            }
            for (const other of labelled.slice(i + 1)) {
                if (overlaps(edge.labelBox!, other.labelBox!)) clashes.push(`label of ${edge.spec.id} × label of ${other.spec.id}`);
            }
        }
        expect(clashes).toEqual([]);
    });

    test('each edge runs from the border of its source to the border of its target', () => {
        for (const edge of diagram.edges) {
            const source = diagram.nodes.find(n => n.spec.id === edge.spec.sourceId)!;
            const target = diagram.nodes.find(n => n.spec.id === edge.spec.targetId)!;
            expect(onBorder(edge.points[0], source), `${edge.spec.id} starts on ${source.spec.id}`).toBe(true);
            expect(onBorder(edge.points[edge.points.length - 1], target), `${edge.spec.id} ends on ${target.spec.id}`).toBe(true);
        }
    });

    test('edges go around the elements they do not join', () => {
        const clashes: string[] = [];
        for (const edge of diagram.edges) {
            for (const node of elements) {
                if (node.spec.id === edge.spec.sourceId || node.spec.id === edge.spec.targetId) continue;
                const hit = edge.points.slice(1).some((p, i) => crosses(edge.points[i], p, node));
                if (hit) clashes.push(`${edge.spec.id} through ${node.spec.id}`);
            }
        }
        expect(clashes).toEqual([]);
    });

    test('text stays inside its box', () => {
        for (const node of elements) {
            const kind = node.spec.kind as ElementKind;
            const frame = contentFrame(kind, node.width, node.height, node.spec);
            const right = node.width - shapeInsets(SHAPE_OF_KIND[kind]).right;
            for (const line of node.spec.lines) expect(frame.textX + textWidth(line, FONT.label), `${node.spec.id}: ${line}`).toBeLessThanOrEqual(right);
            if (node.spec.technology) expect(frame.textX + textWidth(node.spec.technology, FONT.technology)).toBeLessThanOrEqual(right);
            expect(Math.min(...frame.baselines) - 12).toBeGreaterThanOrEqual(0);
            expect(Math.max(...frame.baselines) + 4).toBeLessThanOrEqual(node.height);
        }
    });
});
