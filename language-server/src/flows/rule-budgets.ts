import { formatDuration } from '../rules/analysis/call-policy.js';
import { flowBudget } from '../rules/flows/flow-budget.js';
import type { StepBudgets } from './step-budget.js';

/**
 * Each step's worst case and the share of the budget it runs in, from the flow rules'
 * budget (`rules/flows/flow-budget.ts`), in a few words: `≤ 1s (2 × 500ms); 1.3s of 2s used`.
 * A message the flow does not wait for costs nothing and says nothing.
 */
export const ruleBudgets: StepBudgets = (model, flow) => flowBudget(model, flow).map(b => {
    const worst = b.worstMs === undefined ? 'worst case unknown'
        : b.timeoutMs === undefined ? undefined
        : `≤ ${formatDuration(b.worstMs)}${b.attempts > 1 ? ` (${b.attempts} × ${formatDuration(b.timeoutMs)})` : ''}`;
    const used = b.budgetMs !== undefined && b.usedMs !== undefined
        ? `${formatDuration(b.usedMs)} of ${formatDuration(b.budgetMs)} used${b.usedMs > b.budgetMs ? ', over budget' : ''}`
        : undefined;
    const text = [worst, used].filter(t => t !== undefined).join('; ');
    return text || undefined;
});
