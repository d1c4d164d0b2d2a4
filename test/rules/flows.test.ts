import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { flowRetryStorm } from '../../language-server/src/rules/flows/flow-retry-storm.js';
import { unverified } from '../../language-server/src/rules/resilience/unverified.js';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

/** A shop whose calls take the policies given, and a checkout flow written after them. */
function shop(policies: { edge?: string; pay?: string; stock?: string; web?: string }, flow: string): string {
    return arch([
        '  client web',
        '  gateway edge',
        '  service orders',
        '  service pay',
        '  service stock',
        '  bus events',
        `  web -> edge { ${policies.web ?? ''} }`,
        `  edge -> orders { ${policies.edge ?? 'timeout 1s'} }`,
        `  orders -> pay "authorize" { ${policies.pay ?? 'timeout 400ms retries 1'} }`,
        `  orders -> stock { ${policies.stock ?? 'timeout 300ms'} }`,
        '  orders ~> events "OrderPlaced"',
        `  flow checkout "Place an order" {\n${flow}\n  }`,
    ].join('\n'));
}

const SEQUENTIAL = '    web -> edge\n    edge -> orders\n    orders -> pay "authorize"\n    orders -> stock\n    orders ~> events';

describe('flow-budget-exceeded', () => {
    test('the calls inside a step take longer, one after the other, than the step waits', async () => {
        const doc = await check(services, shop({}, SEQUENTIAL));
        expect(findingsOf(doc, 'flow-budget-exceeded')).toEqual([
            "15:10 warning Flow 'checkout': step 2 (edge -> orders) waits 1s for 'orders', but the calls 'orders' makes may take 1.1s in the worst case (pay 800ms, stock 300ms).",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'flow-budget-exceeded')[0])).toEqual([
            '16:12 step 3 (orders -> pay): worst case 2 attempts × 400ms = 800ms',
            '17:12 step 4 (orders -> stock): worst case 300ms',
        ]);
    });

    test('the entry point: the first step\'s timeout is the budget of the whole request', async () => {
        const doc = await check(services, shop({ web: 'timeout 1s', edge: 'timeout 600ms', pay: 'timeout 100ms' }, '    web -> edge\n    edge -> orders\n    edge -> orders\n    orders -> pay "authorize"'));
        expect(findingsOf(doc, 'flow-budget-exceeded')).toEqual([
            "14:9 warning Flow 'checkout': step 1 (web -> edge) waits 1s for 'edge', but the calls 'edge' makes may take 1.2s in the worst case (orders 600ms, orders 600ms).",
        ]);
    });

    test('a call made several times per request (repeat) counts each time', async () => {
        // 3 × 400ms = 1.2s fits in 2s; 2 calls × 2 attempts × 400ms = 1.6s does not fit in 1s.
        const fits = await check(services, shop({ edge: 'timeout 2s', pay: 'timeout 400ms repeat 3' }, '    edge -> orders\n    orders -> pay "authorize"'));
        expect(findingsOf(fits, 'flow-budget-exceeded')).toEqual([]);
        const slow = await check(services, shop({ edge: 'timeout 1s', pay: 'timeout 400ms retries 1 repeat 2' }, '    edge -> orders\n    orders -> pay "authorize"'));
        expect(relatedOf(diagnosticsOf(slow, 'flow-budget-exceeded')[0])).toEqual(['15:12 step 2 (orders -> pay): worst case 2 calls × 2 attempts × 400ms = 1.6s']);
    });

    test('near miss: the same calls in parallel take as long as the slowest', async () => {
        const doc = await check(services, shop({}, '    web -> edge\n    edge -> orders\n    parallel { orders -> pay "authorize"; orders -> stock }'));
        expect(findingsOf(doc, 'flow-budget-exceeded')).toEqual([]);
    });

    test('near misses: a timeout not known inside is not guessed; a message costs nothing; what a message starts is outside the request', async () => {
        const quiet = [
            shop({ stock: 'retries 1' }, SEQUENTIAL),
            shop({ stock: 'timeout default' }, SEQUENTIAL),
            shop({ edge: 'timeout 1100ms' }, SEQUENTIAL),
            arch('service orders\nbus events\nservice ship\ncomponent carrier\norders ~> events\nevents ~> ship\nship -> carrier { timeout 5s }\nship -> carrier "again" { timeout 5s }\n'
                + 'flow f { orders ~> events; events ~> ship; ship -> carrier; ship -> carrier "again" }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'flow-budget-exceeded'), text).toEqual([]);
    });

    test('suppressed by a comment above the step', async () => {
        const doc = await check(services, shop({}, '    web -> edge\n    // archsight-ignore flow-budget-exceeded: the gateway answers 202 after 1s\n    edge -> orders\n    orders -> pay "authorize"\n    orders -> stock'));
        expect(findingsOf(doc, 'flow-budget-exceeded')).toEqual([]);
        expect((doc.diagnostics ?? []).filter(d => d.code === 'unused-suppression')).toEqual([]);
    });

    test('the editor offers to suppress a finding with a comment above the step, which silences it', async () => {
        const doc = await check(services, shop({}, SEQUENTIAL));
        const fixed = await fixAndRecheck(services, doc, 'flow-budget-exceeded', /^Suppress 'flow-budget-exceeded' here/);
        expect(fixed.text).toContain('    web -> edge\n    // archsight-ignore flow-budget-exceeded: <reason>\n    edge -> orders\n');
        expect(fixed.findings).toEqual([]);
        expect(fixed.errors).toEqual([]);
    });

    test('a suppression above a step that the rule does not fire on is reported as unused', async () => {
        const doc = await check(services, shop({}, '    // archsight-ignore flow-budget-exceeded\n    web -> edge\n    edge -> orders'));
        expect((doc.diagnostics ?? []).filter(d => d.code === 'unused-suppression').map(d => d.message)).toEqual([
            "archsight-ignore flow-budget-exceeded suppresses nothing here: the rule finds nothing on 'checkout/web->edge'. Remove the comment.",
        ]);
    });
});

describe('flow-retry-storm', () => {
    test('retries on nested steps multiply past the threshold', async () => {
        const doc = await check(services, shop({ edge: 'timeout 5s retries 2', pay: 'timeout 1s retries 1' }, SEQUENTIAL));
        expect(findingsOf(doc, 'flow-retry-storm')).toEqual([
            "16:12 warning Flow 'checkout': retries multiply to 6 attempts on 'pay' for one request (more than 4): steps 2 (edge -> orders) × 3, 3 (orders -> pay) × 2.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'flow-retry-storm')[0])).toEqual(['15:10 step 2 (edge -> orders) makes 3 attempts']);
    });

    test('near misses: at the threshold; retries on steps side by side do not multiply; one step retrying alone', async () => {
        const quiet = [
            shop({ edge: 'timeout 5s retries 1', pay: 'timeout 1s retries 1' }, SEQUENTIAL),
            shop({ edge: 'timeout 5s', pay: 'timeout 1s retries 2', stock: 'timeout 1s retries 2' }, SEQUENTIAL),
            shop({ edge: 'timeout 5s retries 9' }, SEQUENTIAL),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'flow-retry-storm'), text).toEqual([]);
    });

    test('the threshold is configurable', async () => {
        const doc = await check(services, shop({ edge: 'timeout 5s retries 2', pay: 'timeout 1s retries 1' }, SEQUENTIAL));
        const model = services.Arch.model.ModelProvider.getModel(doc);
        expect(flowRetryStorm.check(model, { thresholds: { maxAttempts: 6 } })).toEqual([]);
        expect(flowRetryStorm.check(model, { thresholds: { maxAttempts: 5 } })).toHaveLength(1);
    });
});

describe('flow-fragile-dependency', () => {
    test('a step to an element with one replica, and a call stated to have no breaker', async () => {
        const doc = await check(services, arch('  service orders\n  service pay\n  database db { replicas 1 }\n  orders -> db { timeout 300ms }\n  orders -> pay { timeout 1s breaker none }\n  flow save {\n    orders -> db\n    orders -> pay\n  }'));
        expect(findingsOf(doc, 'flow-fragile-dependency')).toEqual([
            "8:12 warning Flow 'save' depends synchronously on 'db' at step 1 (orders -> db): 'db' runs with 1 replica, so every 'save' fails while it restarts or is down.",
            "9:12 warning Flow 'save' depends synchronously on 'pay' at step 2 (orders -> pay): the call has no circuit breaker, so every 'save' waits out the call while it is down.",
        ]);
    });

    test('near misses: two replicas, a breaker not written (unknown), a fallback, a message, an external element', async () => {
        const quiet = [
            arch('service orders\ndatabase db { replicas 2 }\norders -> db\nflow f { orders -> db }'),
            arch('service orders\nservice pay\norders -> pay { timeout 1s }\nflow f { orders -> pay }'),
            arch('service orders\nservice pay { replicas 1 }\norders -> pay { timeout 1s breaker none fallback "cached" }\nflow f { orders -> pay }'),
            arch('service orders\nbus events { replicas 1 }\norders ~> events\nflow f { orders ~> events }'),
            arch('service orders\ncomponent psp { external replicas 1 }\norders -> psp { breaker none }\nflow f { orders -> psp }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'flow-fragile-dependency'), text).toEqual([]);
    });

    test('quick fix: run the element with two replicas', async () => {
        const doc = await check(services, arch('  service orders\n  database db { replicas 1 }\n  orders -> db\n  flow save { orders -> db }'));
        const fixed = await fixAndRecheck(services, doc, 'flow-fragile-dependency', /2 replicas/);
        expect(fixed.text).toContain('database db { replicas 2 }');
        expect(fixed.findings).toEqual([]);
        expect(fixed.errors).toEqual([]);
    });
});

describe('flow-awaits-message', () => {
    test('a message whose answer the flow awaits', async () => {
        const doc = await check(services, shop({}, '    web -> edge\n    edge -> orders\n    orders ~> events "OrderPlaced" await'));
        expect(findingsOf(doc, 'flow-awaits-message')).toEqual([
            "16:12 warning Flow 'checkout': step 3 (orders ~> events) is a message, but the flow awaits its answer: nothing bounds the wait for 'events'.",
        ]);
    });

    test('near misses: a message not awaited; an awaited call', async () => {
        const quiet = [
            shop({}, '    edge -> orders\n    orders ~> events "OrderPlaced"'),
            shop({}, '    edge -> orders await\n    orders -> pay "authorize" await'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'flow-awaits-message'), text).toEqual([]);
    });
});

describe('unverified (opt-in) lists the flow budgets that cannot be checked', () => {
    test('a budget with a step of unknown timeout inside; a budget fully known is not listed', async () => {
        const doc = await check(services, shop({ stock: 'retries 1' }, SEQUENTIAL));
        const model = services.Arch.model.ModelProvider.getModel(doc);
        const flowFindings = unverified.check(model, { thresholds: {} }).filter(f => f.target.kind === 'flow-step');
        expect(flowFindings.map(f => `${f.target.id}: ${f.message}`)).toEqual([
            "checkout/edge->orders: Flow 'checkout': the 1s budget of step 2 (edge -> orders) cannot be checked: step 4 (orders -> stock) has its worst case unknown (timeout not known).",
        ]);
        const known = await check(services, shop({}, SEQUENTIAL));
        expect(unverified.check(services.Arch.model.ModelProvider.getModel(known), { thresholds: {} }).filter(f => f.target.kind === 'flow-step')).toEqual([]);
    });
});
