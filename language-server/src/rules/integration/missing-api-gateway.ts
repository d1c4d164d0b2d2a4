import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { freshId } from '../analysis/fix-names.js';
import { isWorkload, names } from '../analysis/graph.js';

/** A client that knows the addresses of several services instead of one entry point. */
export const missingApiGateway: Rule = {
    id: 'missing-api-gateway',
    group: 'integration',
    defaultSeverity: 'warning',
    description: 'A client calls two or more services directly, with no gateway in front of them.',
    explanation: 'A client that calls each service itself must know every address, repeat authentication, ' +
        'rate limiting and TLS for each, and breaks when a service is split or moved. Put an API gateway ' +
        'in front: the client knows one entry point, and the gateway routes, authenticates and throttles.',
    check(model) {
        const findings: Finding[] = [];
        const gateway = [...model.elements.values()].find(e => e.kind === 'gateway');
        for (const client of model.elements.values()) {
            if (client.kind !== 'client') continue;
            const direct = new Map<string, ModelRelation>();
            for (const r of model.outgoing.get(client.id) ?? []) {
                if (r.kind === 'sync' && isWorkload(model, r.targetId) && !direct.has(r.targetId)) direct.set(r.targetId, r);
            }
            if (direct.size < 2) continue;
            const targets = [...direct.keys()];
            const calls = [...direct.values()];
            const bypass = gateway ? `, bypassing gateway '${gateway.id}'` : ', with no gateway in front of them';
            const unexpose = targets.filter(id => model.elements.get(id)?.properties.exposure === 'public');
            const newGateway = freshId(model, 'apiGateway');
            findings.push({
                target: element(client.id),
                message: `Client '${client.id}' calls ${targets.length} services directly (${names(targets)})${bypass}.`,
                related: calls.map(r => ({ target: relation(r.id), message: `'${client.id}' calls '${r.targetId}' directly` })),
                fixes: [gateway
                    ? { kind: 'insert-gateway', title: `Route '${client.id}' through gateway '${gateway.id}'`, anchorId: gateway.id, gatewayId: gateway.id, declare: false, reroute: calls.map(r => r.id), behind: targets, unexpose }
                    : { kind: 'insert-gateway', title: `Insert gateway '${newGateway}' in front of ${names(targets)}`, anchorId: client.id, gatewayId: newGateway, declare: true, reroute: calls.map(r => r.id), behind: targets, unexpose }],
            });
        }
        return findings;
    },
};
