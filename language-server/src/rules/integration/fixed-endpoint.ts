import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { distinctSources, enclosing, isWorkload, names } from '../analysis/graph.js';

/** `orders:8080`, `http://orders:8080/api`: an address with a port written into it. */
const WITH_PORT = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/:\s]+:\d+(?:\/|$)/i;

function touchesRegistry(model: ArchModel, id: string): boolean {
    return [...(model.incoming.get(id) ?? []), ...(model.outgoing.get(id) ?? [])]
        .some(r => model.elements.get(r.sourceId)?.kind === 'registry' || model.elements.get(r.targetId)?.kind === 'registry');
}

/** Registered: callers are meant to find it through a registry. */
function registered(model: ArchModel, target: ModelElement): boolean {
    return target.properties.discovery === 'registry' || touchesRegistry(model, target.id);
}

/** Hard-wired addresses between services: every move, scale-out or failover is a redeploy. */
export const fixedEndpoint: Rule = {
    id: 'fixed-endpoint',
    group: 'integration',
    defaultSeverity: 'warning',
    description: 'Services call another service at a fixed endpoint: no discovery, a DNS name with a port compiled in, or a call pinned to one instance of a registered service.',
    explanation: 'A caller that knows a host and port breaks when the callee moves, scales out or fails over, ' +
        'and cannot spread load across replicas. Let callers find it by name: a registry (Consul, Eureka), ' +
        'DNS, the mesh, or a gateway. Write `discovery dns|registry|mesh|gateway` on the callee once it is found that way. ' +
        'A DNS name with a port written into the caller (`endpoint "cart:8080"`) still ties every caller to ' +
        'that port; and a call that names one instance (`endpoint` on the call) of a service the registry ' +
        'knows bypasses the registry and its load balancing.',
    check(model) {
        const findings: Finding[] = [];
        const reported = new Set<string>();
        for (const target of model.elements.values()) {
            const { endpoint, discovery } = target.properties;
            const portCompiled = typeof endpoint === 'string' && discovery === 'dns' && WITH_PORT.test(endpoint);
            const fixed = discovery === 'static' || (typeof endpoint === 'string' && discovery === undefined) || portCompiled;
            // A third party's fixed URL is how one reaches it; discovery is for our own services.
            if (!fixed || target.properties.external === true || enclosing(model, target.id, 'mesh')) continue;
            if (!portCompiled && touchesRegistry(model, target.id)) continue;
            const calls = (model.incoming.get(target.id) ?? [])
                .filter(r => (r.kind === 'sync' || r.kind === 'async') && isWorkload(model, r.sourceId));
            if (calls.length === 0) continue;
            const callers = distinctSources(calls);
            const where = portCompiled
                ? `the DNS name and compiled-in port "${endpoint}"`
                : typeof endpoint === 'string' ? `the fixed endpoint "${endpoint}"` : 'a fixed address (discovery static)';
            reported.add(target.id);
            findings.push({
                target: element(target.id),
                message: `${names(callers)} ${callers.length === 1 ? 'calls' : 'call'} '${target.id}' at ${where}${portCompiled ? '' : ', with no discovery'}.`,
                related: calls.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' is wired to '${target.id}'` })),
            });
        }
        findings.push(...callEndpoints(model, reported));
        return findings;
    },
};

/** A caller that runs code or routes requests: a workload or a gateway (a browser's URL is not wiring). */
function wiringCaller(model: ArchModel, id: string): boolean {
    return isWorkload(model, id) || model.elements.get(id)?.kind === 'gateway';
}

/**
 * An `endpoint` written on a call: one instance of a service that a registry knows (pinned), or
 * a DNS name with a port compiled into that caller. Targets already reported for their own
 * endpoint are not reported again per call.
 */
function callEndpoints(model: ArchModel, reported: ReadonlySet<string>): Finding[] {
    const findings: Finding[] = [];
    for (const r of model.relations) {
        const endpoint = r.properties.endpoint;
        const target = model.elements.get(r.targetId);
        if ((r.kind !== 'sync' && r.kind !== 'async') || typeof endpoint !== 'string' || !target || !wiringCaller(model, r.sourceId)) continue;
        if (registered(model, target)) {
            if (r.kind !== 'sync') continue;
            findings.push({
                target: relation(r.id),
                message: `'${r.sourceId}' calls '${r.targetId}' at "${endpoint}", one instance of a service the registry knows: it bypasses discovery and load balancing.`,
            });
            continue;
        }
        if (!WITH_PORT.test(endpoint) || reported.has(target.id) || target.properties.external === true || enclosing(model, target.id, 'mesh')) continue;
        findings.push({
            target: relation(r.id),
            message: `'${r.sourceId}' calls '${r.targetId}' at the DNS name and compiled-in port "${endpoint}".`,
        });
    }
    return findings;
}
