import type { ModelFlowStep } from '../../model/view-types.js';
import { formatDuration } from '../analysis/call-policy.js';
import type { StepBudget } from './flow-budget.js';

/** `3 (orders -> pay)`: a step as messages name it. */
export function stepText(step: ModelFlowStep): string {
    return `${step.number} (${step.sourceId ?? '?'} ${step.arrow} ${step.targetId ?? '?'})`;
}

const UNKNOWN: Readonly<Record<NonNullable<StepBudget['unknown']>, string>> = {
    'no-relation': 'not a relation of the model',
    'timeout-unknown': 'timeout not known',
    'timeout-default': 'the platform\'s default timeout, duration not known',
    'no-timeout': 'no timeout: may wait forever',
    'awaited-message': 'a message whose answer the flow awaits: no timeout bounds it',
};

/** `worst case 2 × 500ms = 1s`, `worst case 300ms`, `a message: does not wait`, or why it is not known. */
export function worstText(b: StepBudget): string {
    if (b.worstMs === undefined) return `worst case unknown (${UNKNOWN[b.unknown ?? 'timeout-unknown']})`;
    if (b.timeoutMs === undefined) return 'a message: the flow does not wait';
    const factors = [b.repeat > 1 ? `${b.repeat} calls` : '', b.attempts > 1 ? `${b.attempts} attempts` : ''].filter(Boolean);
    return factors.length > 0
        ? `worst case ${factors.join(' × ')} × ${formatDuration(b.timeoutMs)} = ${formatDuration(b.worstMs)}`
        : `worst case ${formatDuration(b.worstMs)}`;
}

/**
 * A short label of a step's budget for a drawing: `≤ 1s · 2.3s of 3s`, `≤ 300ms`, `≤ ?` when the
 * worst case is not known; undefined for a message the flow does not wait for.
 */
export function budgetLabel(b: StepBudget): string | undefined {
    if (b.worstMs === 0 && b.timeoutMs === undefined) return undefined;
    const worst = b.worstMs === undefined ? '≤ ?' : `≤ ${formatDuration(b.worstMs)}`;
    if (b.budgetMs === undefined) return worst;
    return `${worst} · ${b.usedMs === undefined ? '?' : formatDuration(b.usedMs)} of ${formatDuration(b.budgetMs)}`;
}
