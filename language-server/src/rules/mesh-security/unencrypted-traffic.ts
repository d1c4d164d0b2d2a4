import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';

const TLS_PROTOCOLS = new Set(['https', 'grpcs', 'wss', 'tls', 'amqps', 'mqtts', 'h2', 'mtls']);
const SECURITY_KEYS = ['tls', 'mtls', 'auth'] as const;
/** The ends of service-to-service traffic; components often stand for third parties or in-process modules. */
const ENDS = new Set(['service', 'function', 'gateway']);

/** Whether the architecture says anything about transport security; if not, the rule stays silent. */
function statesSecurity(model: ArchModel): boolean {
    const all = [...model.elements.values(), ...model.groups.values(), ...model.relations];
    return all.some(x => SECURITY_KEYS.some(k => x.properties[k] !== undefined));
}

function encrypted(model: ArchModel, r: ModelRelation): boolean {
    if (r.properties.tls === true || r.properties.mtls === true) return true;
    if (r.protocol && TLS_PROTOCOLS.has(r.protocol.toLowerCase())) return true;
    const target = model.elements.get(r.targetId) ?? model.groups.get(r.targetId);
    if (target?.properties.tls === true || target?.properties.mtls === true || target?.properties.auth === 'mtls') return true;
    const mesh = enclosing(model, r.sourceId, 'mesh');
    return mesh !== undefined && mesh.properties.mtls === true && enclosing(model, r.targetId, 'mesh')?.id === mesh.id;
}

/** Plain-text traffic inside the network: one compromised host reads and forges it. */
export const unencryptedTraffic: Rule = {
    id: 'unencrypted-traffic',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'Service-to-service traffic is neither mTLS (through the mesh or on the call) nor TLS, in an architecture that states transport security.',
    explanation: 'Inside the network is not safe: one compromised host or a misrouted packet exposes tokens and ' +
        'personal data in plain text, and any host can pretend to be a service (Ponce et al.\'s "insecure ' +
        'service-to-service communication"). Use mTLS, ideally from the mesh (`mtls` on the mesh), or TLS on ' +
        'the call (`tls`, or a protocol such as `https`). The rule speaks only when the architecture writes ' +
        '`tls`, `mtls` or `auth` somewhere.',
    check(model) {
        if (!statesSecurity(model)) return [];
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync' && r.kind !== 'async') continue;
            const ends = [r.sourceId, r.targetId];
            if (!ends.every(id => ENDS.has(model.elements.get(id)?.kind ?? ''))) continue;
            const monolith = enclosing(model, r.sourceId, 'monolith');
            if (monolith && monolith.id === enclosing(model, r.targetId, 'monolith')?.id) continue;
            if (encrypted(model, r)) continue;
            findings.push({
                target: relation(r.id),
                message: `Traffic from '${r.sourceId}' to '${r.targetId}' is neither mTLS nor TLS.`,
                fixes: [{ kind: 'set-properties', title: `Encrypt '${r.sourceId}' → '${r.targetId}' with TLS`, target: relation(r.id), properties: [{ key: 'tls' }] }],
            });
        }
        return findings;
    },
};
