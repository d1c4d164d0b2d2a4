import type { ArchModel } from '../../model/model-types.js';
import { formatDuration } from '../analysis/call-policy.js';
import { flowStep, type Finding } from '../finding.js';
import { flowBudget, insideLists, timeInside } from './flow-budget.js';
import { stepIds } from './flow-step-ids.js';
import { stepText, worstText } from './step-text.js';

/**
 * The budgets of flows that `flow-budget-exceeded` cannot check because a step inside has no
 * known worst case: for the opt-in `unverified` rule, one finding on each such budget's step.
 */
export function openFlowBudgets(model: ArchModel): Finding[] {
    const findings: Finding[] = [];
    for (const flow of model.flows.values()) {
        const budget = flowBudget(model, flow);
        const ids = stepIds(flow);
        let lists: number[][] | undefined;
        budget.forEach((outer, index) => {
            if (outer.timeoutMs === undefined || timeInside(budget, index) !== undefined) return;
            const open = (lists ??= insideLists(budget))[index].map(j => budget[j]).filter(b => b.worstMs === undefined);
            findings.push({
                target: flowStep(ids.get(outer.step)!),
                message: `Flow '${flow.id}': the ${formatDuration(outer.timeoutMs)} budget of step ${stepText(outer.step)} cannot be checked: ${open.map(b => `step ${stepText(b.step)} has its ${worstText(b)}`).join('; ')}.`,
                related: open.map(b => ({ target: flowStep(ids.get(b.step)!), message: `step ${stepText(b.step)}: ${worstText(b)}` })),
            });
        });
    }
    return findings;
}
