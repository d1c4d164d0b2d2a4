import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall, isWorkload } from '../analysis/graph.js';
import { authentication } from '../analysis/transport.js';

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
