import { flowStep, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { flowBudget, type StepBudget } from './flow-budget.js';
import { stepIds } from './flow-step-ids.js';
import { stepText } from './step-text.js';

/** Retries on nested steps of one flow multiply: one request becomes a storm on the step deepest inside. */
export const flowRetryStorm: Rule = {
    id: 'flow-retry-storm',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'In a flow, retries on two or more nested synchronous steps multiply to more attempts on one step than `maxAttempts` (4) for one request.',
    explanation: 'When a step retries and a step inside it retries too, the attempts multiply: a gateway that ' +
        'tries twice around a service that tries three times sends six attempts to the last callee for one ' +
        'request, just when it is struggling. The rule follows the flow\'s nesting (a step runs inside the ' +
        'latest earlier `->` step that called its source) and multiplies 1 + retries along it; it reports the ' +
        'step where the product first exceeds `maxAttempts`. Retries that are not written count as none. Retry ' +
        'at one step (usually the outermost, or the sidecar), with a budget and backoff; let the inner steps fail fast.',
    thresholds: { maxAttempts: { default: 4, min: 1, description: 'The most attempts that nested retries may send to one step for one request.' } },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        for (const flow of model.flows.values()) {
            const budget = flowBudget(model, flow);
            const ids = stepIds(flow);
            // Along the nesting: the attempts multiplied so far, and how many steps retry.
            const attempts: number[] = [];
            const retrying: number[] = [];
            budget.forEach((b, index) => {
                const outer = b.parent;
                const own = b.step.kind === 'sync' ? b.attempts : 1;
                attempts.push((outer === undefined ? 1 : attempts[outer]) * own);
                retrying.push((outer === undefined ? 0 : retrying[outer]) + (own > 1 ? 1 : 0));
                // Reported where the product first goes over: the steps inside inherit it.
                const before = outer === undefined ? 1 : attempts[outer];
                if (own < 2 || retrying[index] < 2 || attempts[index] <= thresholds.maxAttempts || before > thresholds.maxAttempts) return;
                const hops: StepBudget[] = [];
                for (let at: number | undefined = index; at !== undefined; at = budget[at].parent) if (budget[at].step.kind === 'sync' && budget[at].attempts > 1) hops.unshift(budget[at]);
                findings.push({
                    target: flowStep(ids.get(b.step)!),
                    message: `Flow '${flow.id}': retries multiply to ${attempts[index]} attempts on '${b.step.targetId}' for one request (more than ${thresholds.maxAttempts}): steps ${hops.map(c => `${stepText(c.step)} × ${c.attempts}`).join(', ')}.`,
                    related: hops.slice(0, -1).map(c => ({ target: flowStep(ids.get(c.step)!), message: `step ${stepText(c.step)} makes ${c.attempts} attempts` })),
                });
            });
        }
        return findings;
    },
};
