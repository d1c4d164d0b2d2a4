import { ELEMENT_KINDS, isObservabilityKind } from '../../model/kinds.js';
import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall, names } from '../analysis/graph.js';

/** Something many depend on, running once: every restart is an outage for all of them. */
export const singleReplica: Rule = {
    id: 'single-replica',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'An element that several others depend on (`minDependents`, 3) runs with `replicas 1`.',
    explanation: 'With one instance, every deployment, crash or node failure of it is an outage for everything ' +
        'that depends on it. Run two or more replicas (in different zones where it matters), or make the ' +
        'dependents able to live without it for a while. The rule only looks at elements whose `replicas` is written.',
    thresholds: { minDependents: { default: 3, min: 1, description: 'How many dependents make one replica too few.' } },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        const isTelemetry = (id: string) => { const t = model.elements.get(id); return t !== undefined && isObservabilityKind(t.kind); };
        for (const e of model.elements.values()) {
            if (e.properties.replicas !== 1 || e.kind === 'esb' || e.kind === 'client' || e.properties.external === true) continue;
            const messaging = ELEMENT_KINDS[e.kind].messaging;
            const links = new Map<string, ModelRelation>();
            const add = (other: string, r: ModelRelation) => { if (other !== e.id && !links.has(other)) links.set(other, r); };
            // A database server: the users of the databases it hosts depend on it too.
            for (const id of [e.id, ...(e.kind === 'dbserver' ? e.partIds : [])]) {
                for (const r of model.incoming.get(id) ?? []) {
                    // Startup calls (configuration, registration) do not need it while requests run.
                    if (isRequestCall(r) || (messaging && r.kind === 'async')) add(r.sourceId, r);
                }
            }
            if (messaging) {
                const consumers = (model.outgoing.get(e.id) ?? []).filter(r => r.kind === 'async' || r.kind === 'trigger');
                // A broker that only carries telemetry to collectors is not on any request's path.
                if (consumers.length > 0 && consumers.every(r => isTelemetry(r.targetId))) continue;
                for (const r of consumers) add(r.targetId, r);
            }
            if (links.size < thresholds.minDependents) continue;
            findings.push({
                target: element(e.id),
                message: `'${e.id}' runs with 1 replica, and ${links.size} elements depend on it: ${names([...links.keys()])}.`,
                related: [...links.entries()].map(([id, r]) => ({ target: relation(r.id), message: `'${id}' depends on '${e.id}'` })),
                fixes: [{ kind: 'set-properties', title: `Run '${e.id}' with 2 replicas`, target: element(e.id), properties: [{ key: 'replicas', value: '2' }] }],
            });
        }
        return findings;
    },
};
