import { flowStep, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { formatDuration } from '../analysis/call-policy.js';
import { flowBudget, insideLists, timeInside, type StepBudget } from './flow-budget.js';
import { stepIds } from './flow-step-ids.js';
import { stepText, worstText } from './step-text.js';

/** A flow whose steps may take longer than the caller who started them waits. */
export const flowBudgetExceeded: Rule = {
    id: 'flow-budget-exceeded',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'In a flow, the steps a call makes may take longer in the worst case (each timeout × attempts, one after the other) than the caller of that call waits.',
    explanation: 'A flow is where timeouts become a budget. The first step\'s timeout is what the request may ' +
        'take; every synchronous step with a timeout is the budget of the steps its callee makes while it ' +
        'waits. When those steps, each waiting up to its timeout × (1 + retries) and one after the other ' +
        '(`parallel` steps: the slowest), may take longer than the budget, the caller gives up while the work ' +
        'goes on, for a request nobody waits for. Steps whose timeout is not known are not guessed: the budget ' +
        'is then not checked (the hover on the flow shows which step is missing). Raise the budget, lower ' +
        'the timeouts or retries inside it, or run independent steps in `parallel`.',
    check(model) {
        const findings: Finding[] = [];
        for (const flow of model.flows.values()) {
            const budget = flowBudget(model, flow);
            const ids = stepIds(flow);
            let lists: number[][] | undefined;
            budget.forEach((outer, index) => {
                if (outer.timeoutMs === undefined) return;
                const spent = timeInside(budget, index);
                if (spent === undefined || spent <= outer.timeoutMs) return;
                // Messages that the flow does not await cost nothing: they are left out of the sum's parts.
                const inside = (lists ??= insideLists(budget))[index].map(j => budget[j]).filter(b => b.worstMs !== 0);
                findings.push({
                    target: flowStep(ids.get(outer.step)!),
                    message: `Flow '${flow.id}': step ${stepText(outer.step)} waits ${formatDuration(outer.timeoutMs)} for '${outer.step.targetId}', but the calls '${outer.step.targetId}' makes may take ${formatDuration(spent)} in the worst case (${inside.map(partText).join(', ')}).`,
                    related: inside.map(b => ({ target: flowStep(ids.get(b.step)!), message: `step ${stepText(b.step)}: ${worstText(b)}` })),
                });
            });
        }
        return findings;
    },
};

function partText(b: StepBudget): string {
    return `${b.step.targetId} ${formatDuration(b.worstMs ?? 0)}`;
}
