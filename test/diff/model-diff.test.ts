import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, createTestServices } from '../helpers/services.js';
import { changeLines, diffTexts } from './diff-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const BASE = arch(`
  gateway edge : kong
  system shop {
    service orders "Order Service" : go { replicas 2 }
    service payments "Payment Service" : java
  }
  database ordersDb : postgres { owner orders }
  edge -> orders : rest { timeout 2s }
  orders -> payments : grpc { timeout 500ms breaker }
  orders -> ordersDb
`);

describe('the model diff', () => {
    test('the same architecture twice has no changes', async () => {
        const diff = await diffTexts(services, BASE, BASE);
        expect(changeLines(diff)).toEqual([]);
        expect(diff.summary).toMatchObject({ added: 0, removed: 0, renamed: 0, moved: 0, changed: 0, introduced: 0, fixed: 0 });
    });

    test('reordering and reformatting is no change either', async () => {
        const moved = arch(`
  database ordersDb : postgres { owner orders }
  orders -> ordersDb
  system shop {
    service payments "Payment Service" : java
    service orders "Order Service" : go {
      replicas 2
    }
  }
  orders -> payments : grpc { breaker timeout 500ms }
  gateway edge : kong
  edge -> orders : rest { timeout 2s }
`);
        expect(changeLines(await diffTexts(services, BASE, moved))).toEqual([]);
    });

    test('added and removed elements, groups and relations', async () => {
        const after = BASE
            .replace('  database ordersDb : postgres { owner orders }\n', '  cache ordersCache : redis\n  system data {\n  }\n')
            .replace('  orders -> ordersDb\n', '  orders -> ordersCache\n');
        expect(changeLines(await diffTexts(services, BASE, after))).toEqual([
            'element ordersCache: added',
            'element ordersDb: removed',
            'group data: added',
            'relation orders->ordersCache: added',
            'relation orders->ordersDb: removed',
        ]);
    });

    test('every property with its before and after: kind, label, technology, replicas, call policies, exposure, owner', async () => {
        const after = BASE
            .replace('service orders "Order Service" : go { replicas 2 }', 'service orders "Orders" : rust { replicas 3 exposure internal }')
            .replace('service payments "Payment Service" : java', 'function payments "Payment Service" : java')
            .replace('database ordersDb : postgres { owner orders }', 'database ordersDb : postgres { owner payments }')
            .replace('orders -> payments : grpc { timeout 500ms breaker }', 'orders -> payments : grpc { timeout 1s retries 2 }');
        expect(changeLines(await diffTexts(services, BASE, after))).toEqual([
            'element orders: changed [label Order Service→Orders, technology go→rust, exposure -→internal, replicas 2→3]',
            'element payments: changed [kind service→function]',
            'element ordersDb: changed [owner orders→payments]',
            'relation orders->payments: changed [breaker true→-, retries -→2, timeout 500→1000]',
        ]);
    });

    test('an element moved to another group, and one taken out of every group', async () => {
        const after = BASE
            .replace('    service payments "Payment Service" : java\n', '')
            .replace('  database ordersDb', '  service payments "Payment Service" : java\n  system data {\n    database ordersDb')
            .replace('{ owner orders }\n', '{ owner orders }\n  }\n');
        expect(changeLines(await diffTexts(services, BASE, after))).toEqual([
            'element payments: moved shop⇒(top)',
            'element ordersDb: moved (top)⇒data',
            'group data: added',
        ]);
    });

    test('a renamed element is matched by its label, and its relations follow it', async () => {
        const after = BASE.replace(/\bpayments\b/g, 'billing');
        const diff = await diffTexts(services, BASE, after);
        expect(changeLines(diff)).toEqual(['element billing: renamed from payments']);
        expect(diff.summary.renamed).toBe(1);
    });

    test('a renamed element without a label is matched by its place: kind, technology, group and neighbours', async () => {
        const before = arch('  service a : go\n  service b : go\n  database db\n  a -> b { timeout 1s }\n  b -> db');
        const after = arch('  service a : go\n  service c : go\n  database db\n  a -> c { timeout 1s }\n  c -> db');
        expect(changeLines(await diffTexts(services, before, after))).toEqual(['element c: renamed from b']);
    });

    test('a near miss: a new element with other neighbours is added, not a rename', async () => {
        const before = arch('  service a : go\n  service b : go\n  database db\n  a -> b { timeout 1s }\n  b -> db');
        const after = arch('  service a : go\n  service c : go\n  database db\n  a -> c { timeout 1s }\n  a -> db');
        expect(changeLines(await diffTexts(services, before, after))).toEqual([
            'element c: added', 'element b: removed',
            'relation a->c: added', 'relation a->db: added', 'relation a->b: removed', 'relation b->db: removed',
        ]);
    });

    test('a renamed group is matched by its label; its members stay where they were', async () => {
        const labelled = await diffTexts(services, BASE.replace('system shop {', 'system shop "Shop" {'), BASE.replace('system shop {', 'system store "Shop" {'));
        expect(changeLines(labelled)).toEqual(['group store: renamed from shop']);
    });

    test('a near miss: a group without a label under a new id is a new group, and its members moved to it', async () => {
        const diff = await diffTexts(services, BASE, BASE.replace('system shop {', 'system store {'));
        expect(changeLines(diff)).toEqual([
            'element orders: moved shop⇒store', 'element payments: moved shop⇒store', 'group store: added', 'group shop: removed',
        ]);
    });

    test('sidecars: a new sidecar is added with its host', async () => {
        const after = BASE.replace('service payments "Payment Service" : java', 'service payments "Payment Service" : java { sidecar paymentsProxy : envoy }');
        expect(changeLines(await diffTexts(services, BASE, after))).toEqual(['element paymentsProxy: added']);
    });
});
