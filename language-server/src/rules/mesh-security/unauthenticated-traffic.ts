import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isRequestCall, isWorkload } from '../analysis/graph.js';

/** Whether a call is authenticated (`yes`), stated not to be (`no`), or the model does not say. */
function authentication(model: ArchModel, r: ModelRelation): 'yes' | 'no' | 'unknown' {
    const target = model.elements.get(r.targetId);
    const auth = r.properties.auth ?? target?.properties.auth;
    if (r.properties.mtls === true || target?.properties.mtls === true) return 'yes';
    const mesh = enclosing(model, r.sourceId, 'mesh');
    if (mesh?.properties.mtls === true && enclosing(model, r.targetId, 'mesh')?.id === mesh.id) return 'yes';
    if (auth === undefined) return 'unknown';
    return auth === 'none' ? 'no' : 'yes';
}

/** One open door among locked ones: the attacker who got inside uses it. */
export const unauthenticatedTraffic: Rule = {
    id: 'unauthenticated-traffic',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'A call between services is stated to be unauthenticated (`auth none`) while other calls between services are authenticated.',
    explanation: 'When most service-to-service calls carry a token or a client certificate, the few that carry ' +
        'nothing are where an attacker inside the network goes: they accept any request from anyone who can ' +
        'reach them. The rule fires on calls whose `auth` (on the call or on the callee) is `none`, when at ' +
        'least one other call between services is authenticated (`auth jwt`, `oauth2`, `mtls`, or mTLS ' +
        'through the mesh). Calls whose authentication is not written are unknown and not reported. ' +
        'Authenticate the call like the others, or put both sides in a mesh with mTLS.',
    check(model) {
        const calls = model.relations.filter(r => isRequestCall(r) && isWorkload(model, r.sourceId) && isWorkload(model, r.targetId));
        const states = new Map(calls.map(r => [r, authentication(model, r)] as const));
        const authenticated = calls.filter(r => states.get(r) === 'yes');
        if (authenticated.length === 0) return [];
        const findings: Finding[] = [];
        for (const r of calls) {
            if (states.get(r) !== 'no') continue;
            findings.push({
                target: relation(r.id),
                message: `Call '${r.sourceId}' → '${r.targetId}' is not authenticated, while ${authenticated.length} other call${authenticated.length === 1 ? ' is' : 's are'}: anyone inside the network can call '${r.targetId}'.`,
                related: authenticated.slice(0, 3).map(a => ({ target: relation(a.id), message: `'${a.sourceId}' → '${a.targetId}' is authenticated` })),
            });
        }
        return findings;
    },
};
