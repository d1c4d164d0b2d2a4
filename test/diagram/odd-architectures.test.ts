import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, createTestServices } from '../helpers/services.js';
import { groupsWithClass, modelOf, overlaps, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
const generator = services.Arch.diagram.DiagramGenerator;
afterEach(() => clearDocuments(services.shared));

const ODD: Record<string, string> = {
    'a call to itself': 'service a\na -> a : grpc "retry"',
    'the same call twice': 'service a\nservice b\na -> b\na -> b : rest',
    'calls in both directions': 'service a\nservice b\na -> b\nb -> a',
    'a relation to a group': 'service a\nsystem s { service b\nservice c }\na -> s : rest',
    'a relation from a group to a group': 'system s { service b }\nsystem t { service c }\ns ~> t',
    'groups nested four deep': 'system a { boundary b { system c { boundary d { service x } } } }\nservice y\ny -> x',
    'an empty group': 'system empty "Nothing here yet"\nservice a',
    'a sidecar without a host': 'sidecar lonely : envoy\nservice a\nlonely -> a',
    'a sidecar calling its own host': 'service a { sidecar p : envoy }\np -> a',
    'two sidecars on one host': 'service a { sidecar p : envoy\nsidecar q : fluent-bit }\nmetrics m\nlogs l\np ..> m\nq ..> l',
    'a function triggered by a group': 'system s { queue q }\nfunction f { trigger s }',
    'a relation to its own group': 'system s { service a }\na -> s',
    'a long label on a long edge': 'service a\nservice b\na -> b : "an-extremely-long-protocol-name-that-goes-on-and-on" "and a label that is even longer than the protocol name was"',
    'only groups': 'system s "Alpha"\nsystem t "Beta"',
};

describe.each(Object.entries(ODD))('%s', (_, body) => {
    test.each(['RIGHT', 'DOWN'] as const)('draws without overlaps, tiers running %s', async direction => {
        const model = await modelOf(services, arch(body));
        const result = await generator.generate(model, { view: 'all', direction, theme: 'light', legend: true });
        const doc = parseSvg(result.svg);
        expect(groupsWithClass(doc, 'node').length + groupsWithClass(doc, 'group').length).toBe(model.elements.size + model.groups.size);
        const diagram = await generator.layout(model, { view: 'all', direction });
        const elements = diagram.nodes.filter(n => n.spec.type === 'element');
        for (const [i, a] of elements.entries()) {
            for (const b of elements.slice(i + 1)) expect(overlaps(a, b), `${a.spec.id} × ${b.spec.id}`).toBe(false);
        }
        for (const edge of diagram.edges) {
            expect(edge.points.length).toBeGreaterThanOrEqual(2);
            if (edge.labelBox) for (const node of elements) expect(overlaps(edge.labelBox, node), `label of ${edge.spec.id} × ${node.spec.id}`).toBe(false);
        }
    });
});
