import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isWorkload } from '../analysis/graph.js';

/** Reaching into another service's store bypasses its API and freezes its schema. */
export const foreignDataAccess: Rule = {
    id: 'foreign-data-access',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A service uses a data store that another service owns (`owner`).',
    explanation: 'The owner of a store can no longer change its schema, cache or move its data without ' +
        'breaking the service that reads behind its back, and the reader sees half-written states the owner\'s ' +
        'API would hide. Ask the owner through its API, or keep a copy fed by the owner\'s events.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync' && r.kind !== 'async') continue;
            const store = model.elements.get(r.targetId);
            const owner = store?.ownerId;
            if (!store || owner === undefined || owner === r.sourceId || !isWorkload(model, r.sourceId)) continue;
            const monolith = enclosing(model, r.sourceId, 'monolith');
            if (monolith && monolith.id === enclosing(model, owner, 'monolith')?.id) continue;
            // Functions in one group are one serverless service: they share its tables by design.
            const reader = model.elements.get(r.sourceId)!;
            const ownerElement = model.elements.get(owner);
            if (reader.kind === 'function' && ownerElement?.kind === 'function' && reader.groupId !== undefined && reader.groupId === ownerElement.groupId) continue;
            findings.push({
                target: relation(r.id),
                message: `'${r.sourceId}' uses '${store.id}', which belongs to '${owner}': ask '${owner}' through its API instead.`,
                related: [{ target: element(store.id), message: `'${store.id}' is owned by '${owner}'` }],
            });
        }
        return findings;
    },
};
