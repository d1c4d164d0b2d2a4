import type { ArchModel } from '../../model/model-types.js';
import { formatDuration } from '../analysis/call-policy.js';
import type { Finding } from '../finding.js';
import { budgetFindings } from './budget-findings.js';
import { stepText, worstText } from './step-text.js';

/**
 * The budgets of flows that `flow-budget-exceeded` cannot check because a step inside has no
 * known worst case: for the opt-in `unverified` rule, one finding on each such budget's step.
 */
export function openFlowBudgets(model: ArchModel): Finding[] {
    return budgetFindings(model, ({ flow, outer, timeoutMs, spent, inside }) => {
        if (spent !== undefined) return undefined;
        const open = inside().filter(b => b.worstMs === undefined);
        return {
            message: `Flow '${flow.id}': the ${formatDuration(timeoutMs)} budget of step ${stepText(outer.step)} cannot be checked: ${open.map(b => `step ${stepText(b.step)} has its ${worstText(b)}`).join('; ')}.`,
            parts: open,
        };
    });
}
