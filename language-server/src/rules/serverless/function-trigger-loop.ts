import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** A function that writes where its own events come from starts itself again, forever, at scale. */
export const functionTriggerLoop: Rule = {
    id: 'function-trigger-loop',
    group: 'serverless',
    defaultSeverity: 'error',
    description: 'A function writes to the resource that triggers it.',
    explanation: 'A function triggered by a bucket, queue or table that writes back to the same resource ' +
        'triggers itself: each invocation causes the next, the platform scales it out, and the bill grows ' +
        'until someone notices (AWS calls this a recursive loop). Write the output to another resource, or ' +
        'filter the trigger so the function\'s own writes do not match it.',
    check(model) {
        const findings: Finding[] = [];
        for (const write of model.relations) {
            if (write.kind !== 'sync' && write.kind !== 'async') continue;
            if (model.elements.get(write.sourceId)?.kind !== 'function') continue;
            const trigger = (model.incoming.get(write.sourceId) ?? [])
                .find(r => (r.kind === 'trigger' || r.kind === 'async') && r.sourceId === write.targetId);
            if (!trigger) continue;
            findings.push({
                target: relation(write.id),
                message: `Function '${write.sourceId}' writes to '${write.targetId}', which triggers it: each write starts it again, in a loop.`,
                related: [{ target: relation(trigger.id), message: `'${write.targetId}' triggers '${write.sourceId}'` }],
            });
        }
        return findings;
    },
};
