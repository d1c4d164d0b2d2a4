import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { bundleEdges } from '../../language-server/src/diagram/edge-bundles.js';
import { selectView } from '../../language-server/src/diagram/views.js';
import { arch, createTestServices } from '../helpers/services.js';
import { elementsOf, groupsWithClass, modelOf, parseSvg } from './diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

async function bundled(text: string) {
    const model = await modelOf(services, text);
    const selection = bundleEdges(model, selectView(model, 'all'));
    const bundles = (selection.edgeBundles ?? []).map(b => `${b.form} ${b.sourceId} -> ${b.targetId}: ${b.relations.map(r => r.id).join(' ')}`);
    return { model, selection, bundles, single: selection.relations.map(r => r.id) };
}

const MESH = `
    mesh m "Mesh" : istio {
        control-plane cp { component pilot : istiod }
        service a { sidecar ap : envoy }
        service b { sidecar bp : envoy }
        service c { sidecar cp2 : envoy }
    }
    pilot ~> ap : xds
    pilot ~> bp : xds
    pilot ~> cp2 : xds`;

describe('edge bundles', () => {
    test('three relations of one kind into a group that does not hold their source draw as one edge to the group', async () => {
        const { bundles, single } = await bundled(arch(`
            bus events : kafka
            system shop { service a  service b  service c  service d }
            events ~> a : OrderPlaced
            events ~> b : OrderPlaced
            events ~> c : PriceChanged
            events -> d`));
        expect(bundles).toEqual(['fan events -> shop: events~>a events~>b events~>c']);
        // A relation of another kind stays on its own.
        expect(single).toEqual(['events->d']);
    });

    test('two relations into a group are not a fan (near miss)', async () => {
        const { bundles, single } = await bundled(arch(`
            bus events : kafka
            system shop { service a  service b }
            events ~> a
            events ~> b`));
        expect(bundles).toEqual([]);
        expect(single).toEqual(['events~>a', 'events~>b']);
    });

    test("a control plane configuring the sidecars of its mesh draws one edge to the mesh's data plane", async () => {
        const { bundles, selection } = await bundled(arch(MESH));
        expect(bundles).toEqual(['fan pilot -> dataplane:m: pilot~>ap pilot~>bp pilot~>cp2']);
        expect([...selection.dataPlanes!]).toEqual(['m']);
    });

    test('parallel relations of one kind between the same ends draw as one edge; of another kind they stay apart', async () => {
        const { bundles, single } = await bundled(arch(`
            service a
            service b
            a -> b : rest "GET /x"
            a -> b : grpc
            a ~> b : kafka`));
        expect(bundles.map(b => b.replace(/:.*/, ''))).toEqual(['parallel a -> b']);
        expect(single).toEqual(['a~>b']);
    });

    test('the SVG draws the data plane around the members, one edge for the fan that lists each relation, and stacked labels', async () => {
        const model = await modelOf(services, arch(`${MESH}
            service x
            x -> a : rest "GET <orders>"
            x -> a : grpc`));
        const result = await services.Arch.diagram.DiagramGenerator.generate(model, { view: 'all', direction: 'DOWN', theme: 'light', legend: false });
        const doc = parseSvg(result.svg);
        const planes = groupsWithClass(doc, 'group-data-plane').map(g => g.getAttribute('data-id'));
        expect(planes).toEqual(['dataplane:m']);
        const fan = groupsWithClass(doc, 'edge').find(e => e.getAttribute('data-id') === 'fan:pilot~>dataplane:m')!;
        expect(fan.getAttribute('data-relations')).toBe('pilot~>ap pilot~>bp pilot~>cp2');
        expect(elementsOf(fan, 'text').map(t => t.textContent)).toEqual(['xds → 3 sidecars']);
        expect(elementsOf(fan, 'title')[0].textContent).toContain('pilot → bp: xds');
        const parallel = groupsWithClass(doc, 'edge').find(e => e.getAttribute('data-id') === 'parallel:x->a')!;
        expect(elementsOf(parallel, 'text').map(t => t.textContent)).toEqual(['rest GET <orders>', 'grpc']);
        expect(result.svg).toContain('rest GET &lt;orders&gt;');
        // Click-to-source on the fan reveals its first relation.
        expect(result.items.find(i => i.id === 'fan:pilot~>dataplane:m')?.type).toBe('relation');
    });
});
