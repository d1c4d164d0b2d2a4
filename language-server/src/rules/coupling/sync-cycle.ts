import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names, pathText, syncComponents } from '../analysis/graph.js';

/** Services that call each other in a circle, so that none can be deployed, scaled or fail alone. */
export const syncCycle: Rule = {
    id: 'sync-cycle',
    group: 'coupling',
    defaultSeverity: 'error',
    description: 'Synchronous calls form a cycle (one finding per set of services that reach each other).',
    explanation: 'In a cycle of synchronous calls a slow or failing member holds up the others, requests can ' +
        'chase each other around the loop until every thread pool is exhausted, and no member can be changed ' +
        'or released alone. Break the cycle: let one direction become an event (`~>`), or move the shared ' +
        'part into a service both call. Calls marked `startup` are not on a request path and do not count.',
    check(model) {
        return syncComponents(model).map(({ members, calls, cycle }): Finding => ({
            target: relation(cycle[0].id),
            message: members.length === cycle.length
                ? `Synchronous call cycle: ${pathText(cycle)}.`
                : `Synchronous call cycle among ${members.length} elements, ${names(members)}: for example ${pathText(cycle)}.`,
            related: calls.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' calls '${r.targetId}'` })),
        }));
    },
};
