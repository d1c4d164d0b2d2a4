import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { distinctSources, enclosing, isWorkload, names } from '../analysis/graph.js';

/** Hard-wired addresses between services: every move, scale-out or failover is a redeploy. */
export const fixedEndpoint: Rule = {
    id: 'fixed-endpoint',
    group: 'integration',
    defaultSeverity: 'warning',
    description: 'Services call another service at a fixed endpoint, with no discovery (registry, DNS, mesh or gateway).',
    explanation: 'A caller that knows a host and port breaks when the callee moves, scales out or fails over, ' +
        'and cannot spread load across replicas. Let callers find it by name: a registry (Consul, Eureka), ' +
        'DNS, the mesh, or a gateway. Write `discovery dns|registry|mesh|gateway` on the callee once it is found that way.',
    check(model) {
        const findings: Finding[] = [];
        for (const target of model.elements.values()) {
            const { endpoint, discovery } = target.properties;
            const fixed = discovery === 'static' || (typeof endpoint === 'string' && discovery === undefined);
            // A third party's fixed URL is how one reaches it; discovery is for our own services.
            if (!fixed || target.properties.external === true || enclosing(model, target.id, 'mesh')) continue;
            const touchesRegistry = [...(model.incoming.get(target.id) ?? []), ...(model.outgoing.get(target.id) ?? [])]
                .some(r => model.elements.get(r.sourceId)?.kind === 'registry' || model.elements.get(r.targetId)?.kind === 'registry');
            if (touchesRegistry) continue;
            const calls = (model.incoming.get(target.id) ?? [])
                .filter(r => (r.kind === 'sync' || r.kind === 'async') && isWorkload(model, r.sourceId));
            if (calls.length === 0) continue;
            const callers = distinctSources(calls);
            const where = typeof endpoint === 'string' ? `the fixed endpoint "${endpoint}"` : 'a fixed address (discovery static)';
            findings.push({
                target: element(target.id),
                message: `${names(callers)} ${callers.length === 1 ? 'calls' : 'call'} '${target.id}' at ${where}, with no discovery.`,
                related: calls.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' is wired to '${target.id}'` })),
            });
        }
        return findings;
    },
};
