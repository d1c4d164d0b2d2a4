import type { Rule } from '../rule.js';
import { formatDuration } from '../analysis/call-policy.js';
import { budgetFindings } from './budget-findings.js';
import type { StepBudget } from './flow-budget.js';
import { stepText } from './step-text.js';

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
        return budgetFindings(model, ({ flow, outer, timeoutMs, spent, inside }) => {
            if (spent === undefined || spent <= timeoutMs) return undefined;
            // Messages that the flow does not await cost nothing: they are left out of the sum's parts.
            const parts = inside().filter(b => b.worstMs !== 0);
            return {
                message: `Flow '${flow.id}': step ${stepText(outer.step)} waits ${formatDuration(timeoutMs)} for '${outer.step.targetId}', but the calls '${outer.step.targetId}' makes may take ${formatDuration(spent)} in the worst case (${parts.map(partText).join(', ')}).`,
                parts,
            };
        });
    },
};

function partText(b: StepBudget): string {
    return `${b.step.targetId} ${formatDuration(b.worstMs ?? 0)}`;
}
