import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isWorkload, names } from '../analysis/graph.js';

/** An ESB that carries the traffic of several services and fails alone. */
export const esbSinglePointOfFailure: Rule = {
    id: 'esb-single-point-of-failure',
    group: 'integration',
    defaultSeverity: 'warning',
    description: 'An ESB carries the traffic of two or more services and runs with one replica, or every service-to-service call crosses it.',
    explanation: 'When the ESB stops, every service that talks through it stops too. Run it with two or more ' +
        'replicas, and let services that need each other most talk directly (through a gateway, a mesh or ' +
        'events on a broker) so that one bus is not on every path.',
    check(model) {
        const findings: Finding[] = [];
        const esbs = [...model.elements.values()].filter(e => e.kind === 'esb');
        const talks = (r: ModelRelation) => r.kind === 'sync' || r.kind === 'async';
        // Direct traffic between services and functions, leaving out calls inside one monolith.
        const isService = (id: string) => ['service', 'function'].includes(model.elements.get(id)?.kind ?? '');
        const direct = model.relations.filter(r => talks(r) && isService(r.sourceId) && isService(r.targetId)
            && (enclosing(model, r.sourceId, 'monolith')?.id ?? r.sourceId) !== (enclosing(model, r.targetId, 'monolith')?.id ?? r.targetId));
        for (const esb of esbs) {
            const links = model.relations.filter(r => talks(r) && (r.sourceId === esb.id || r.targetId === esb.id));
            const firstLink = new Map<string, ModelRelation>();
            for (const r of links) {
                const other = r.sourceId === esb.id ? r.targetId : r.sourceId;
                if (isWorkload(model, other) && !firstLink.has(other)) firstLink.set(other, r);
            }
            const users = [...firstLink.keys()];
            if (users.length < 2) continue;
            const replicas = esb.properties.replicas;
            const fewReplicas = typeof replicas === 'number' && replicas < 2;
            const everyCall = direct.length === 0 && esbs.length === 1;
            if (!fewReplicas && !everyCall) continue;
            const replicaText = `${replicas} replica${replicas === 1 ? '' : 's'}`;
            const message = everyCall
                ? `Every service-to-service call crosses ESB '${esb.id}' (${users.length} services: ${names(users)})${fewReplicas ? `, and it runs with ${replicaText}` : ''}: it is a single point of failure.`
                : `ESB '${esb.id}' carries the traffic of ${users.length} services (${names(users)}) and runs with ${replicaText}: when it stops, they all stop.`;
            findings.push({
                target: element(esb.id),
                message,
                related: users.map(id => ({ target: relation(firstLink.get(id)!.id), message: `'${id}' talks through '${esb.id}'` })),
                fixes: fewReplicas && !everyCall
                    ? [{ kind: 'set-properties', title: `Run '${esb.id}' with 2 replicas`, target: element(esb.id), properties: [{ key: 'replicas', value: '2' }] }]
                    : [],
            });
        }
        return findings;
    },
};
