import { DefaultAstNodeDescriptionProvider } from 'langium';
import { describe, expect, test } from 'vitest';
import { buildWorkspace, createTestServices } from '../helpers/services.js';

// The index's descriptions work out their source segments and tree path when first asked:
// they must be what Langium's own provider computes at once.
describe('descriptions of exported declarations', () => {
    test('give the same name, segments and path as Langium computes, for groups, elements, sidecars and views', async () => {
        const services = createTestServices();
        const docs = await buildWorkspace(services, {
            'a.arch': 'system shop "Shop" {\n  service api : node { sidecar apiProxy : envoy }\n  database db\n}\nservice web\nview overview "Overview" { include * }\n',
        });
        const doc = docs['a.arch'];
        const exported = services.shared.workspace.IndexManager.allElements().filter(d => d.documentUri.toString() === doc.uri.toString()).toArray();
        expect(exported.map(d => d.name)).toEqual(['shop', 'api', 'apiProxy', 'db', 'web', 'overview']);
        const langium = new DefaultAstNodeDescriptionProvider(services.Arch);
        for (const ours of exported) {
            const theirs = langium.createDescription(ours.node!, ours.name, doc);
            expect({ ...ours }, ours.name).toEqual({ ...theirs });
            expect(ours.nameSegment?.offset, ours.name).toBe(doc.textDocument.getText().indexOf(ours.name));
        }
    });
});
