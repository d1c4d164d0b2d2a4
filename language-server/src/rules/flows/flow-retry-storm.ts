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
            const path = (index: number): StepBudget[] => {
                const chain: StepBudget[] = [];
                // Parents come earlier in the flow, so the walk ends.
                for (let at: number | undefined = index; at !== undefined; at = budget[at].parent) chain.unshift(budget[at]);
                return chain;
            };
            const product = (chain: readonly StepBudget[]) => chain.reduce((n, b) => n * b.attempts, 1);
            budget.forEach((b, index) => {
                if (b.step.kind !== 'sync' || b.attempts < 2) return;
                const chain = path(index);
                const retrying = chain.filter(c => c.attempts > 1);
                const attempts = product(chain);
                // Reported where the product first goes over: the steps inside inherit it.
                if (retrying.length < 2 || attempts <= thresholds.maxAttempts || product(chain.slice(0, -1)) > thresholds.maxAttempts) return;
                const hops = retrying.map(c => `${stepText(c.step)} × ${c.attempts}`);
                findings.push({
                    target: flowStep(ids.get(b.step)!),
                    message: `Flow '${flow.id}': retries multiply to ${attempts} attempts on '${b.step.targetId}' for one request (more than ${thresholds.maxAttempts}): steps ${hops.join(', ')}.`,
                    related: retrying.slice(0, -1).map(c => ({ target: flowStep(ids.get(c.step)!), message: `step ${stepText(c.step)} makes ${c.attempts} attempts` })),
                });
            });
        }
        return findings;
    },
};
