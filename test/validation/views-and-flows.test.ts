import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { applyFix, arch, check, codeActionsFor, createRuleTestServices, diagnosticsOf, findingsOf } from '../rules/rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

const BASE = `  service orders { tags team-orders }
  database ordersDb
  orders -> ordersDb`;

describe('view patterns', () => {
    test('unknown kinds, concerns, tags and directions say what was meant', async () => {
        const doc = await check(services, arch(`${BASE}\n  view v { include kind:databse, concern:cals, tag:team-order, tag:nobody-has-this direction dwn }`));
        expect(findingsOf(doc, 'unknown-view-filter')).toEqual([
            "5:25 error Unknown kind 'databse'. Did you mean 'database'?",
            "5:42 error Unknown concern 'cals'. Did you mean 'calls'?",
            "5:52 warning Nothing carries the tag 'team-order', so it selects nothing. Did you mean 'team-orders'?",
            "5:68 warning Nothing carries the tag 'nobody-has-this', so it selects nothing.",
            "5:94 error A view's direction is down or right, not 'dwn'. Did you mean 'down'?",
        ]);
        const [kind] = diagnosticsOf(doc, 'unknown-view-filter');
        expect(await applyFix(services, doc, kind, /Change to 'database'/)).toContain('include kind:database,');
    });

    test('known values pass', async () => {
        const doc = await check(services, arch(`${BASE}\n  view v { include kind:database, kind:system, concern:calls, tag:team-orders direction right }`));
        expect(findingsOf(doc, 'unknown-view-filter')).toEqual([]);
    });

    test('a second view of the same id is an error', async () => {
        const doc = await check(services, arch(`${BASE}\n  view v { include * }\n  view v { include orders }`));
        expect(findingsOf(doc, 'duplicate-id')).toEqual(["6:8 error Duplicate view 'v': it is already declared at line 5."]);
    });
});

describe('flow steps', () => {
    test('a step the model does not have is an error whose fix adds the relation above the flow', async () => {
        const doc = await check(services, arch(`${BASE}\n  flow f "F" {\n    orders -> ordersDb\n    ordersDb -> orders "read back"\n  }`));
        expect(findingsOf(doc, 'flow-step-relation')).toEqual([
            "7:14 error Step 2 of flow 'f', 'ordersDb -> orders', is not a relation of the model. Add the relation to the model, or correct the step.",
        ]);
        const [diagnostic] = diagnosticsOf(doc, 'flow-step-relation');
        expect((await codeActionsFor(services, doc, diagnostic)).map(a => a.title)).toEqual(["Add the relation 'ordersDb -> orders' to the model"]);
        const fixed = await applyFix(services, doc, diagnostic, /Add the relation/);
        expect(fixed).toContain('  ordersDb -> orders "read back"\n  flow f "F" {');
        expect(findingsOf(await check(services, fixed), 'flow-step-relation')).toEqual([]);
    });

    test('a step with the wrong arrow names the arrow the model has', async () => {
        const doc = await check(services, arch(`${BASE}\n  flow f { orders ~> ordersDb }`));
        expect(findingsOf(doc, 'flow-step-relation')[0]).toContain("The model has 'orders -> ordersDb'; write the step with that arrow");
    });
});
