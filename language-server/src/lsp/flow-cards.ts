import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow } from '../model/view-types.js';
import { formatDuration } from '../rules/analysis/call-policy.js';
import { flowBudget, timeInside, type StepBudget } from '../rules/flows/flow-budget.js';
import { worstText } from '../rules/flows/step-text.js';
import { escapeMarkdown } from './hover-cards.js';

/**
 * Hover cards of a flow: its steps with their worst-case times and the budget each runs
 * in (`rules/flows/flow-budget.ts` defines both). Ids are identifiers and safe as they
 * are; labels are escaped.
 */

/** The card on a flow's name: every step, and each budget with what the steps inside it may take. */
export function flowCard(model: ArchModel, flow: ModelFlow): string {
    const budget = flowBudget(model, flow);
    const lines = [`**flow** \`${flow.id}\`${flow.label !== flow.id ? ` — ${escapeMarkdown(flow.label)}` : ''}`, ''];
    if (budget.length === 0) return [...lines, 'No steps.'].join('\n');
    lines.push(...budget.map(b => `- ${stepLine(b)}`));
    const budgets = budget.flatMap((b, index) => {
        if (b.timeoutMs === undefined || b.stepsInside === 0) return [];
        const spent = timeInside(budget, index);
        const verdict = spent === undefined ? ': the time of the steps inside cannot be computed (one has no known worst case)'
            : `; the steps inside take up to ${formatDuration(spent)}${spent > b.timeoutMs ? ' — **over budget**' : ''}`;
        return [`- step ${b.step.number} (${pair(b)}) waits ${formatDuration(b.timeoutMs)}${verdict}`];
    });
    lines.push('', '**Budgets** (worst case: timeout × attempts, one step after the other, parallel steps by the slowest)', '');
    lines.push(...(budgets.length > 0 ? budgets : ['No step with a known timeout has steps inside it: no budget to check.']));
    return lines.join('\n');
}

/** The card on a step's arrow: `step 3: orders -> pay, worst case 2 × 500ms = 1s; 2.3s of 3s used`. */
export function flowStepCard(model: ArchModel, flow: ModelFlow, index: number): string | undefined {
    const budget = flowBudget(model, flow);
    const b = budget[index];
    if (!b) return undefined;
    const parent = b.parent === undefined ? undefined : budget[b.parent];
    let within = '';
    if (parent && b.budgetMs !== undefined) {
        const whose = `the budget of step ${parent.step.number} (${pair(parent)})`;
        within = b.usedMs === undefined
            ? `; the time used of ${formatDuration(b.budgetMs)}, ${whose}, cannot be computed (a step before has no known worst case)`
            : `; ${formatDuration(b.usedMs)} of ${formatDuration(b.budgetMs)} used, ${whose}`;
        if (b.usedMs !== undefined && b.usedMs > b.budgetMs) within += ' — **over budget**';
    } else if (parent) {
        within = `; runs inside step ${parent.step.number} (${pair(parent)}), whose timeout is not known`;
    }
    return `**${stepLine(b)}**${within}\n\nflow \`${flow.id}\`${flow.label !== flow.id ? ` — ${escapeMarkdown(flow.label)}` : ''}`;
}

function stepLine(b: StepBudget): string {
    const marks = [b.step.optional ? 'optional' : '', b.step.awaited ? 'awaited' : ''].filter(Boolean).join(', ');
    return `step ${b.step.number}: ${pair(b)}${marks ? ` (${marks})` : ''}, ${worstText(b)}`;
}

function pair(b: StepBudget): string {
    return `${b.step.sourceId ?? '?'} ${escapeMarkdown(b.step.arrow)} ${b.step.targetId ?? '?'}`;
}
