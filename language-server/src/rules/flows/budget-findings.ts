import type { ArchModel } from '../../model/model-types.js';
import type { ModelFlow } from '../../model/view-types.js';
import { flowStep, type Finding } from '../finding.js';
import { flowBudget, insideLists, timeInside, type StepBudget } from './flow-budget.js';
import { stepIds } from './flow-step-ids.js';
import { stepText, worstText } from './step-text.js';

/** A step of a flow whose timeout is a known budget, and what runs inside it. */
export interface KnownBudget {
    readonly flow: ModelFlow;
    readonly outer: StepBudget;
    readonly timeoutMs: number;
    /** The worst case of the steps inside, one group after the other; undefined when one is not known. */
    readonly spent: number | undefined;
    /** The steps that run inside it, in order (worked out only when asked). */
    inside(): StepBudget[];
}

/** What a rule says about one budget: its message, and the steps inside that it names. */
export interface BudgetVerdict {
    readonly message: string;
    readonly parts: readonly StepBudget[];
}

/**
 * Walks every known budget of every flow and turns each verdict into a finding on the
 * budget's step, with the steps it names as related places: `flow-budget-exceeded` and the
 * open budgets of the `unverified` rule judge the same budgets.
 */
export function budgetFindings(model: ArchModel, judge: (budget: KnownBudget) => BudgetVerdict | undefined): Finding[] {
    const findings: Finding[] = [];
    for (const flow of model.flows.values()) {
        const budget = flowBudget(model, flow);
        let ids: ReturnType<typeof stepIds> | undefined;
        let lists: number[][] | undefined;
        budget.forEach((outer, index) => {
            if (outer.timeoutMs === undefined) return;
            const verdict = judge({
                flow, outer, timeoutMs: outer.timeoutMs, spent: timeInside(budget, index),
                inside: () => (lists ??= insideLists(budget))[index].map(j => budget[j]),
            });
            if (!verdict) return;
            ids ??= stepIds(flow);
            findings.push({
                target: flowStep(ids.get(outer.step)!),
                message: verdict.message,
                related: verdict.parts.map(b => ({ target: flowStep(ids!.get(b.step)!), message: `step ${stepText(b.step)}: ${worstText(b)}` })),
            });
        });
    }
    return findings;
}
