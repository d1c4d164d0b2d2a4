import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { enclosing } from './graph.js';

/** What the model says about one property of a call's transport: yes, stated no, or not written. */
export type Known = 'yes' | 'no' | 'unknown';

/** Protocols that encrypt by themselves. */
const TLS_PROTOCOLS = new Set(['https', 'grpcs', 'wss', 'tls', 'amqps', 'mqtts', 'h2', 'mtls']);
/** Protocols named in their plain-text form: `http` is not `https`. */
const PLAIN_PROTOCOLS = new Set(['http', 'grpc', 'h2c', 'ws', 'amqp', 'mqtt', 'tcp', 'thrift', 'stomp', 'redis', 'resp']);

/** Whether both ends sit in one mesh that turns mTLS on. */
function meshMtls(model: ArchModel, r: ModelRelation): boolean {
    const mesh = enclosing(model, r.sourceId, 'mesh');
    return mesh !== undefined && mesh.properties.mtls === true && enclosing(model, r.targetId, 'mesh')?.id === mesh.id;
}

/**
 * Whether a call is encrypted: TLS or mTLS on the call or the callee, a protocol that
 * encrypts, or a mesh with mTLS around both ends. `no` when the model states it is not
 * (`tls none` on the call or the callee, or a plain-text protocol such as `http`);
 * `unknown` when nothing is written.
 */
export function encryption(model: ArchModel, r: ModelRelation): Known {
    const target = model.elements.get(r.targetId) ?? model.groups.get(r.targetId);
    const on = [r.properties, target?.properties ?? {}];
    if (on.some(p => p.tls === true || p.tls === 'default' || p.mtls === true || p.mtls === 'default') || target?.properties.auth === 'mtls') return 'yes';
    const protocol = r.protocol?.toLowerCase();
    if (protocol && TLS_PROTOCOLS.has(protocol)) return 'yes';
    if (meshMtls(model, r)) return 'yes';
    if (on.some(p => p.tls === false || p.mtls === false) || (protocol && PLAIN_PROTOCOLS.has(protocol))) return 'no';
    return 'unknown';
}

/** Whether a call is authenticated: `auth` on the call or the callee, or mTLS (on the call, the callee or the mesh). */
export function authentication(model: ArchModel, r: ModelRelation): Known {
    const target = model.elements.get(r.targetId);
    const auth = r.properties.auth ?? target?.properties.auth;
    if (r.properties.mtls === true || target?.properties.mtls === true) return 'yes';
    if (meshMtls(model, r)) return 'yes';
    if (auth === undefined) return 'unknown';
    return auth === 'none' ? 'no' : 'yes';
}
