import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { flowBudget, timeInside, type StepBudget } from '../../language-server/src/rules/flows/flow-budget.js';
import { budgetLabel } from '../../language-server/src/rules/flows/step-text.js';
import { arch, check, createRuleTestServices } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

async function budgetOf(text: string, flowId = 'f'): Promise<StepBudget[]> {
    const doc = await check(services, text);
    const model = services.Arch.model.ModelProvider.getModel(doc);
    return flowBudget(model, model.flows.get(flowId)!);
}

/** A step's budget as one readable line: number, nesting, worst case, budget used. */
function line(b: StepBudget, all: readonly StepBudget[]): string {
    const parent = b.parent === undefined ? '-' : all[b.parent].step.number;
    const worst = b.worstMs === undefined ? `? (${b.unknown})` : `${b.worstMs}`;
    const used = b.budgetMs === undefined ? '' : ` used ${b.usedMs ?? '?'} of ${b.budgetMs}`;
    return `${b.step.number} in ${parent}: ${b.attempts} × ${b.timeoutMs ?? '?'} = ${worst}${used}`;
}

const SHOP = [
    'client web', 'gateway edge { timeout 3s }', 'service orders', 'service pay { sidecar payProxy : envoy { retries 2 } }', 'service stock', 'database db', 'bus events', 'service ship',
    'web -> edge { timeout 4s }',
    'edge -> orders { timeout 3s }',
    'orders -> pay { timeout 500ms retries 1 }',
    'orders -> stock { timeout 700ms }',
    'orders -> db { timeout 300ms }',
    'pay -> db { timeout 100ms }',
    'orders ~> events',
    'events ~> ship',
    'ship -> db { timeout 200ms }',
].join('\n');

describe('flowBudget', () => {
    test('nesting, worst cases, parallel steps by the slowest, and the budget used as each step answers', async () => {
        const budget = await budgetOf(arch(`${SHOP}\nflow f {
  web -> edge
  edge -> orders
  parallel { orders -> pay; orders -> stock }
  pay -> db
  orders -> db
  orders ~> events
  events ~> ship
  ship -> db
}`));
        expect(budget.map(b => line(b, budget))).toEqual([
            '1 in -: 1 × 4000 = 4000',
            '2 in 1: 1 × 3000 = 3000 used 3000 of 4000',
            '3a in 2: 2 × 500 = 1000 used 1000 of 3000',
            '3b in 2: 1 × 700 = 700 used 700 of 3000',
            // pay's own call: its sidecar's retries apply.
            '4 in 3a: 3 × 100 = 300 used 300 of 500',
            '5 in 2: 1 × 300 = 300 used 1300 of 3000',
            '6 in 2: 1 × ? = 0 used 1300 of 3000',
            // What a message starts runs inside nothing: outside the request's budget.
            '7 in -: 1 × ? = 0',
            '8 in -: 1 × 200 = 200',
        ]);
        expect(budget.map(budgetLabel)).toEqual(['≤ 4s', '≤ 3s · 3s of 4s', '≤ 1s · 1s of 3s', '≤ 700ms · 700ms of 3s', '≤ 300ms · 300ms of 500ms', '≤ 300ms · 1.3s of 3s', undefined, undefined, '≤ 200ms']);
        expect(timeInside(budget, 1)).toBe(1300);
        expect(timeInside(budget, 0)).toBe(3000);
        expect(timeInside(budget, 7)).toBe(0);
    });

    test('unknown is not guessed: the worst case and what follows it in the same budget stay unknown', async () => {
        const budget = await budgetOf(arch(`${SHOP}\norders -> ship\norders -> ship "default" { timeout default }\norders -> ship "none" { timeout none }\nflow f {
  edge -> orders
  orders -> ship
  orders -> pay
  orders -> ship "default"
  orders -> ship "none"
  orders ~> events await
}`));
        expect(budget.map(b => line(b, budget))).toEqual([
            '1 in -: 1 × 3000 = 3000',
            '2 in 1: 1 × ? = ? (timeout-unknown) used ? of 3000',
            '3 in 1: 2 × 500 = 1000 used ? of 3000',
            '4 in 1: 1 × ? = ? (timeout-default) used ? of 3000',
            '5 in 1: 1 × ? = ? (no-timeout) used ? of 3000',
            '6 in 1: 1 × ? = ? (awaited-message) used ? of 3000',
        ]);
        expect(timeInside(budget, 0)).toBeUndefined();
        expect(budget.map(budgetLabel)).toEqual(['≤ 3s', '≤ ? · ? of 3s', '≤ 1s · ? of 3s', '≤ ? · ? of 3s', '≤ ? · ? of 3s', '≤ ? · ? of 3s']);
    });

    test('a step the model lacks has no worst case', async () => {
        const budget = await budgetOf(arch('service a\nservice b\nflow f { a -> b }'));
        expect(budget.map(b => line(b, budget))).toEqual(['1 in -: 1 × ? = ? (no-relation)']);
    });
});
