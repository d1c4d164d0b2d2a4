import { flowStep, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { stepIds } from './flow-step-ids.js';
import { stepText } from './step-text.js';

/** Request–reply over messaging inside a request: the wait has no timeout, retries or breaker. */
export const flowAwaitsMessage: Rule = {
    id: 'flow-awaits-message',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A flow step is asynchronous (`~>`, a message or trigger) but the flow waits for its answer (`await`).',
    explanation: 'A message is sent and forgotten: it carries no timeout, retries or circuit breaker, and the ' +
        'answer comes, if at all, when a consumer gets to it. A request that holds its caller open until that ' +
        'answer arrives (synchronous over asynchronous) waits as long as the queue\'s backlog, and its budget ' +
        'cannot be known. Either make the step a call (`->`) with a timeout, or do not wait: answer at once ' +
        '(`202 Accepted`) and let the result reach the client later (a push, a status to poll).',
    check(model) {
        const findings: Finding[] = [];
        for (const flow of model.flows.values()) {
            const ids = stepIds(flow);
            for (const step of flow.steps) {
                if (!step.awaited || step.kind === 'sync' || step.sourceId === undefined || step.targetId === undefined) continue;
                findings.push({
                    target: flowStep(ids.get(step)!),
                    message: `Flow '${flow.id}': step ${stepText(step)} is a message, but the flow awaits its answer: nothing bounds the wait for '${step.targetId}'.`,
                });
            }
        }
        return findings;
    },
};
