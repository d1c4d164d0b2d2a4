import type { ArchModel } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';
import { encryption } from '../analysis/transport.js';

const SECURITY_KEYS = ['tls', 'mtls', 'auth'] as const;
/** The ends of service-to-service traffic; components often stand for third parties or in-process modules. */
const ENDS = new Set(['service', 'function', 'gateway']);

/** Whether the architecture says anything about transport security; if not, the rule stays silent. */
function statesSecurity(model: ArchModel): boolean {
    const all = [...model.elements.values(), ...model.groups.values(), ...model.relations];
    return all.some(x => SECURITY_KEYS.some(k => x.properties[k] !== undefined));
}

/** Plain-text traffic inside the network: one compromised host reads and forges it. */
export const unencryptedTraffic: Rule = {
    id: 'unencrypted-traffic',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'Service-to-service traffic is stated to be plain text (`tls none`, or a protocol such as `http`), in an architecture that states transport security.',
    explanation: 'Inside the network is not safe: one compromised host or a misrouted packet exposes tokens and ' +
        'personal data in plain text, and any host can pretend to be a service (Ponce et al.\'s "insecure ' +
        'service-to-service communication"). Use mTLS, ideally from the mesh (`mtls` on the mesh), or TLS on ' +
        'the call (`tls`, or a protocol such as `https`). The rule speaks only when the architecture writes ' +
        '`tls`, `mtls` or `auth` somewhere, and only on calls the model shows are plain text (`tls none`, or ' +
        'a plain-text protocol such as `http` or `amqp`); a call with neither protocol nor `tls` is unknown.',
    check(model) {
        if (!statesSecurity(model)) return [];
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync' && r.kind !== 'async') continue;
            const ends = [r.sourceId, r.targetId];
            if (!ends.every(id => ENDS.has(model.elements.get(id)?.kind ?? ''))) continue;
            const monolith = enclosing(model, r.sourceId, 'monolith');
            if (monolith && monolith.id === enclosing(model, r.targetId, 'monolith')?.id) continue;
            // Not written is unknown, not plain text: the opt-in `unverified` lists it.
            if (encryption(model, r) !== 'no') continue;
            findings.push({
                target: relation(r.id),
                message: `Traffic from '${r.sourceId}' to '${r.targetId}' is neither mTLS nor TLS.`,
                fixes: [{ kind: 'set-properties', title: `Encrypt '${r.sourceId}' → '${r.targetId}' with TLS`, target: relation(r.id), properties: [{ key: 'tls' }] }],
            });
        }
        return findings;
    },
};
