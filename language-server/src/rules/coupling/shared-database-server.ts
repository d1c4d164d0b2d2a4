import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isWorkload, names } from '../analysis/graph.js';

/** The services that use a store: its owner and the workloads that call it or send to it (a monolith counts once). */
function usersOf(model: ArchModel, store: ModelElement): Set<string> {
    const users = new Set<string>();
    if (store.ownerId) users.add(store.ownerId);
    for (const r of model.incoming.get(store.id) ?? []) {
        if ((r.kind === 'sync' || r.kind === 'async') && isWorkload(model, r.sourceId)) users.add(enclosing(model, r.sourceId, 'monolith')?.id ?? r.sourceId);
    }
    return users;
}

/** Separate databases on one server still share its CPU, memory, connections, upgrades and outages. */
export const sharedDatabaseServer: Rule = {
    id: 'shared-database-server',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A database server (`dbserver`) hosts the databases of two or more services.',
    explanation: 'A database per service is only half the separation when all the databases live on one ' +
        'server or instance: one service\'s heavy query slows the others, the connection limit is shared, ' +
        'and an upgrade, a failover or an outage of the server takes them all at once (a weak form of ' +
        'Taibi and Lenarduzzi\'s "shared persistency"). Give services that must fail apart their own ' +
        'servers, or at least size and monitor the shared one for all of them.',
    check(model) {
        const findings: Finding[] = [];
        for (const server of model.elements.values()) {
            if (server.kind !== 'dbserver') continue;
            const byDatabase = new Map<string, Set<string>>();
            const users = new Set<string>();
            for (const id of server.partIds) {
                const store = model.elements.get(id);
                if (!store) continue;
                const using = usersOf(model, store);
                byDatabase.set(id, using);
                using.forEach(u => users.add(u));
            }
            for (const r of model.incoming.get(server.id) ?? []) {
                if ((r.kind === 'sync' || r.kind === 'async') && isWorkload(model, r.sourceId)) users.add(r.sourceId);
            }
            if (users.size < 2) continue;
            findings.push({
                target: element(server.id),
                message: `Database server '${server.id}' is shared by ${users.size} services: ${names([...users])}; they fail, slow down and upgrade together.`,
                related: [...byDatabase.entries()].filter(([, u]) => u.size > 0).map(([id, u]) => ({ target: element(id), message: `'${id}' is used by ${names([...u])}` })),
            });
        }
        return findings;
    },
};
