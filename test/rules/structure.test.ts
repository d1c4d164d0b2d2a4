import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('layer-skipping', () => {
    const layered = arch(`  monolith app : java {
    layer presentation { component web }
    layer business { component cart }
    layer dataAccess { component cartDao }
    layer storage { database cartDb }
  }
  web -> cart
  cart -> cartDao
  cartDao -> cartDb
  web -> cartDb`);

    test('a call past the layer below, naming the layers skipped', async () => {
        const doc = await check(services, layered);
        expect(findingsOf(doc, 'layer-skipping')).toEqual([
            "11:3 warning 'web' in layer 'presentation' uses 'cartDb' in layer 'storage', skipping layers 'business' and 'dataAccess'.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'layer-skipping')[0])).toEqual(["4:11 layer 'business' is skipped", "5:11 layer 'dataAccess' is skipped"]);
    });

    test('near misses: the layer directly below; calls upwards are another matter; outside the monolith', async () => {
        expect(findingsOf(await check(services, layered.replace('  web -> cartDb', '')), 'layer-skipping')).toEqual([]);
        expect(findingsOf(await check(services, layered.replace('  web -> cartDb', '  cartDb ~> web')), 'layer-skipping')).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, layered.replace('  web -> cartDb', '  // archsight-ignore layer-skipping: reporting shortcut\n  web -> cartDb'));
        expect(findingsOf(doc, 'layer-skipping')).toEqual([]);
    });
});

describe('orphan-element', () => {
    const lonely = arch('  service orders\n  database ordersDb\n  service legacyBilling : cobol {\n    replicas 1\n  }\n  orders -> ordersDb');

    test('an element nothing connects to', async () => {
        const doc = await check(services, lonely);
        expect(findingsOf(doc, 'orphan-element')).toEqual(["4:11 info 'legacyBilling' is not connected to anything: no relation leads to or from it."]);
    });

    test('near misses: sidecars, control-plane members, owned stores, members of a connected group, files of bare declarations', async () => {
        const quiet = [
            arch('service a { sidecar ap : envoy }\nservice b\na -> b { timeout 1s }'),
            arch('mesh m { control-plane cp { component pilot } service a { sidecar ap : envoy } }\nclient c\nc -> a'),
            arch('service a\ndatabase db { owner a }'),
            arch('client c\nsystem shop { service a }\nc -> shop'),
            'service outside\ncomponent psp',
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'orphan-element'), text).toEqual([]);
    });

    test('quick fix: remove it, braces and all', async () => {
        const { text, findings, errors } = await fixAndRecheck(services, await check(services, lonely), 'orphan-element', /Remove 'legacyBilling'/);
        expect(text).toBe(arch('  service orders\n  database ordersDb\n  orders -> ordersDb'));
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, lonely.replace('  service legacyBilling', '  // archsight-ignore orphan-element: decommissioned in Q3\n  service legacyBilling'));
        expect(findingsOf(doc, 'orphan-element')).toEqual([]);
    });
});
