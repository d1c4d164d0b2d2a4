import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { pathText, syncCycles } from '../analysis/graph.js';

/** Services that call each other in a circle, so that none can be deployed, scaled or fail alone. */
export const syncCycle: Rule = {
    id: 'sync-cycle',
    group: 'coupling',
    defaultSeverity: 'error',
    description: 'Synchronous calls form a cycle.',
    explanation: 'In a cycle of synchronous calls a slow or failing member holds up the others, requests can ' +
        'chase each other around the loop until every thread pool is exhausted, and no member can be changed ' +
        'or released alone. Break the cycle: let one direction become an event (`~>`), or move the shared ' +
        'part into a service both call.',
    check(model) {
        return syncCycles(model).map((cycle): Finding => ({
            target: relation(cycle[0].id),
            message: `Synchronous call cycle: ${pathText(cycle)}.`,
            related: cycle.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' calls '${r.targetId}'` })),
        }));
    },
};
