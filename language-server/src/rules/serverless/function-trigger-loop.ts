import type { ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

const WRITE = /\b(put|post|write|upload|insert|save|store|update|delete|create|send|publish|batchwrite)/i;

/** Whether a relation from a function writes: a message always does; a call does when its label says so. */
function writes(r: ModelRelation): boolean {
    return r.kind === 'async' || (r.kind === 'sync' && WRITE.test(`${r.label ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2')));
}

/**
 * Whether the write matches the trigger's filter. A trigger labelled with the events it
 * listens to (`"PaymentCaptured, ShipmentBooked"`) fires on a write only when the write's
 * label names one of them; an unlabelled trigger fires on every write.
 */
function matches(trigger: ModelRelation, write: ModelRelation): boolean {
    if (!trigger.label || !write.label) return true;
    const events = trigger.label.split(',').map(e => e.trim().toLowerCase());
    return events.includes(write.label.trim().toLowerCase());
}

/** A function that writes where its own events come from starts itself again, forever, at scale. */
export const functionTriggerLoop: Rule = {
    id: 'function-trigger-loop',
    group: 'serverless',
    defaultSeverity: 'error',
    description: 'A function writes to the resource that triggers it, with an event its trigger listens to.',
    explanation: 'A function triggered by a bucket, queue or table that writes back to the same resource ' +
        'triggers itself: each invocation causes the next, the platform scales it out, and the bill grows ' +
        'until someone notices (AWS calls this a recursive loop). Write the output to another resource, or ' +
        'filter the trigger so the function\'s own writes do not match it.',
    check(model) {
        const findings: Finding[] = [];
        for (const write of model.relations) {
            if (!writes(write) || model.elements.get(write.sourceId)?.kind !== 'function') continue;
            const trigger = (model.incoming.get(write.sourceId) ?? [])
                .find(r => (r.kind === 'trigger' || r.kind === 'async') && r.sourceId === write.targetId && matches(r, write));
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
