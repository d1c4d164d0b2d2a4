import type { ArchModel, ModelElement, ModelRelation } from '../../model/model-types.js';
import { callPolicy, guarded } from './call-policy.js';
import { enclosing, isRequestCall, isWorkload } from './graph.js';
import { authentication, encryption } from './transport.js';

/**
 * The facts a rule depends on that the model leaves unwritten (unknown, not absent), for
 * one call or one element, in words a reviewer can look up. The opt-in `unverified` rule
 * lists them; the other rules stay silent on them.
 */

/** Code we run in containers or processes of our own; its secrets, privileges and logs are ours to know. */
const RUN_BY_US = new Set(['service', 'frontend', 'gateway']);
/** Workloads that serve requests and that an orchestrator or load balancer routes to. */
const SERVING = new Set(['service', 'frontend']);
const PRIVILEGE_KEYS = ['root', 'privileged', 'host-mount', 'docker-socket'];

/** What a synchronous call between workloads leaves open: guards, encryption and authentication. */
export function openCallFacts(model: ArchModel, r: ModelRelation): string[] {
    if (!isRequestCall(r) || !isWorkload(model, r.sourceId) || !isWorkload(model, r.targetId)) return [];
    const policy = callPolicy(model, r);
    const open: string[] = [];
    if (policy.timeoutState === 'unknown') open.push('timeout');
    if (policy.retriesState === 'unknown') open.push('retries');
    if (policy.breakerState === 'unknown') open.push('circuit breaker');
    // A fallback matters where no breaker is known to guard the call.
    if (!guarded(policy.breakerState) && policy.fallbackState === 'unknown') open.push('fallback');
    if (encryption(model, r) === 'unknown') open.push('encryption (tls/mtls)');
    if (authentication(model, r) === 'unknown') open.push('authentication');
    return open;
}

/** What an element leaves open that the health, security, logging and tracing rules read. */
export function openElementFacts(model: ArchModel, e: ModelElement, tracing: boolean): string[] {
    if (e.properties.external === true || e.properties.managed === true || enclosing(model, e.id, 'stack')) return [];
    const p = e.properties;
    const calledByOthers = (model.incoming.get(e.id) ?? []).some(r => isRequestCall(r) && r.sourceId !== e.id);
    const open: string[] = [];
    if (SERVING.has(e.kind) && calledByOthers) {
        if (p.health === undefined) open.push('health check');
        else if (p.health !== false && p.probed === undefined) open.push('whether its health endpoint is probed');
        if (p.replicas === undefined) open.push('replicas');
    }
    if (RUN_BY_US.has(e.kind) || e.kind === 'function') {
        if (p.secrets === undefined) open.push('how it gets its credentials (secrets)');
    }
    if (RUN_BY_US.has(e.kind)) {
        if (PRIVILEGE_KEYS.every(k => p[k] === undefined)) open.push('its privileges (root, privileged, host mounts)');
        if (e.kind !== 'gateway' && p.logging === undefined && !sendsLogs(model, e)) open.push('where it writes its logs (logging)');
    }
    if (tracing && p.propagation === undefined && calledByOthers && (model.outgoing.get(e.id) ?? []).some(r => isRequestCall(r) && isWorkload(model, r.targetId))) {
        open.push('the trace context it propagates');
    }
    return open;
}

function sendsLogs(model: ArchModel, e: ModelElement): boolean {
    return [e.id, ...e.sidecarIds].some(id => (model.outgoing.get(id) ?? []).some(r => r.kind === 'observe' && r.signal === 'logs'));
}

/** Whether the architecture traces: a traces back end, or a workload that names the context it propagates. */
export function tracesRequests(model: ArchModel): boolean {
    return [...model.elements.values()].some(e => e.kind === 'traces' || (typeof e.properties.propagation === 'string' && e.properties.propagation !== 'none'));
}
