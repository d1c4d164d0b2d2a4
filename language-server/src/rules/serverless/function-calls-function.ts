import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** A function that waits on another pays for both, and their limits add up. */
export const functionCallsFunction: Rule = {
    id: 'function-calls-function',
    group: 'serverless',
    defaultSeverity: 'warning',
    description: 'A function calls another function synchronously.',
    explanation: 'A function that calls another and waits is billed for the time it waits, its timeout must ' +
        'cover the other\'s, and errors and cold starts stack up (AWS\'s Lambda guides list it as an ' +
        'anti-pattern). Hand the work over asynchronously, through a queue, a topic or an event bus (`~>`), ' +
        'or orchestrate the steps with a workflow service.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync') continue;
            if (model.elements.get(r.sourceId)?.kind !== 'function' || model.elements.get(r.targetId)?.kind !== 'function') continue;
            findings.push({
                target: relation(r.id),
                message: `Function '${r.sourceId}' calls function '${r.targetId}' synchronously: it waits, and pays, for the other to finish.`,
                fixes: [{ kind: 'change-arrow', title: `Make '${r.sourceId}' → '${r.targetId}' asynchronous (~>)`, relationId: r.id, arrow: '~>' }],
            });
        }
        return findings;
    },
};
