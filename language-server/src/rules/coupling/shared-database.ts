import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isWorkload, names } from '../analysis/graph.js';

/** Code of ours that uses a store: a workload, or a component we run (a state machine), not a third party's. */
function isUser(model: ArchModel, id: string): boolean {
    const e = model.elements.get(id);
    return isWorkload(model, id) || (e?.kind === 'component' && e.properties.external !== true);
}

/**
 * The service a user belongs to. Members of one monolith are one deployable; functions and
 * components declared inside one `system` are the handlers of one service, sharing its own table.
 */
function unitOf(model: ArchModel, id: string): string {
    const monolith = enclosing(model, id, 'monolith');
    if (monolith) return monolith.id;
    const kind = model.elements.get(id)?.kind;
    if (kind === 'function' || kind === 'component') return enclosing(model, id, 'system')?.id ?? id;
    return id;
}

/** One database behind several services ties their schemas, releases and failures together. */
export const sharedDatabase: Rule = {
    id: 'shared-database',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A database or cache without an owner is used by two or more services.',
    explanation: 'Services that share a database share its schema: one cannot change a table without the ' +
        'others, their load competes for the same connections, and the database fails them all at once ' +
        '(Taibi and Lenarduzzi\'s "shared persistency"). Give each service its own store, let the others ' +
        'ask its API or follow its events; if one service really owns the data, say so with `owner`.',
    check(model) {
        const findings: Finding[] = [];
        for (const store of model.elements.values()) {
            if ((store.kind !== 'database' && store.kind !== 'cache') || store.ownerId !== undefined) continue;
            const byUser = new Map<string, ModelRelation[]>();
            for (const r of model.incoming.get(store.id) ?? []) {
                if ((r.kind !== 'sync' && r.kind !== 'async') || !isUser(model, r.sourceId)) continue;
                const user = unitOf(model, r.sourceId);
                byUser.set(user, [...(byUser.get(user) ?? []), r]);
            }
            if (byUser.size < 2) continue;
            const users = [...byUser.keys()];
            findings.push({
                target: element(store.id),
                message: `${store.kind === 'cache' ? 'Cache' : 'Database'} '${store.id}' is shared by ${users.length} services: ${names(users)}.`,
                related: [...byUser.values()].flat().map(r => ({ target: relation(r.id), message: `'${r.sourceId}' uses '${store.id}'` })),
            });
        }
        return findings;
    },
};
