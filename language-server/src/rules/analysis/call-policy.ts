import type { ArchModel, ModelRelation, Properties } from '../../model/model-types.js';
import { enclosing } from './graph.js';

/** Where a call's policy comes from: the call itself, the caller's sidecar, the caller (a gateway), or its mesh. */
export type PolicySource = 'call' | 'sidecar' | 'caller' | 'mesh';

/**
 * What the model says about one guard of a call: `set` (a value, or the flag), `default`
 * (the platform's default applies), `none` (stated absent) or `unknown` (not written).
 */
export type GuardState = 'set' | 'default' | 'none' | 'unknown';

/** The timeout, retries and circuit breaker that guard one synchronous call, and who gives each. */
export interface CallPolicy {
    /** A timeout with a known duration. */
    readonly timeout?: { readonly ms: number; readonly from: PolicySource; readonly fromId: string };
    readonly retries?: { readonly count: number; readonly from: PolicySource; readonly fromId: string };
    readonly breaker?: { readonly from: PolicySource; readonly fromId: string };
    readonly timeoutState: GuardState;
    readonly retriesState: GuardState;
    readonly breakerState: GuardState;
    readonly fallbackState: GuardState;
}

/** A guard is in place when it is set or the platform's default applies. */
export function guarded(state: GuardState): boolean {
    return state === 'set' || state === 'default';
}

/** The state of a written value: `none` and `false` are stated absent, `default` the platform's. */
export function stateOf(value: unknown): GuardState {
    if (value === undefined) return 'unknown';
    if (value === 'none' || value === false) return 'none';
    if (value === 'default') return 'default';
    return 'set';
}

/**
 * The policy in force on a call, nearest source first: the call's own properties, then
 * the caller's sidecar (the proxy makes the call), then the caller itself when it is a
 * proxy (a gateway or sidecar), then the mesh the caller belongs to.
 */
export function callPolicy(model: ArchModel, call: ModelRelation): CallPolicy {
    // Several rules and the blast radius ask for the same calls: work each out once per model.
    let policies = cache.get(model);
    if (!policies) cache.set(model, policies = new WeakMap());
    let policy = policies.get(call);
    if (!policy) policies.set(call, policy = computePolicy(model, call));
    return policy;
}

const cache = new WeakMap<ArchModel, WeakMap<ModelRelation, CallPolicy>>();

function computePolicy(model: ArchModel, call: ModelRelation): CallPolicy {
    const sources: Array<{ from: PolicySource; id: string; properties: Properties }> = [{ from: 'call', id: call.id, properties: call.properties }];
    const caller = model.elements.get(call.sourceId);
    for (const sidecarId of caller?.sidecarIds ?? []) {
        const sidecar = model.elements.get(sidecarId);
        if (sidecar) sources.push({ from: 'sidecar', id: sidecar.id, properties: sidecar.properties });
    }
    if (caller && (caller.kind === 'gateway' || caller.kind === 'sidecar')) {
        sources.push({ from: 'caller', id: caller.id, properties: caller.properties });
    }
    const mesh = enclosing(model, call.sourceId, 'mesh');
    if (mesh) sources.push({ from: 'mesh', id: mesh.id, properties: mesh.properties });

    let timeout: CallPolicy['timeout'];
    let retries: CallPolicy['retries'];
    let breaker: CallPolicy['breaker'];
    let timeoutState: GuardState = 'unknown';
    let retriesState: GuardState = 'unknown';
    let breakerState: GuardState = 'unknown';
    let fallbackState: GuardState = 'unknown';
    for (const s of sources) {
        const p = s.properties;
        // The nearest source that says anything decides: `timeout none` on a call is not overruled by the mesh's.
        if (timeoutState === 'unknown' && p.timeout !== undefined) {
            timeoutState = stateOf(p.timeout);
            if (typeof p.timeout === 'number') timeout = { ms: p.timeout, from: s.from, fromId: s.id };
        }
        if (retriesState === 'unknown' && p.retries !== undefined) {
            retriesState = stateOf(p.retries);
            if (typeof p.retries === 'number') retries = { count: p.retries, from: s.from, fromId: s.id };
        }
        // The nearest `breaker` wins either way: `breaker false` on a call switches off the mesh's.
        if (breakerState === 'unknown' && p.breaker !== undefined) {
            breakerState = stateOf(p.breaker);
            if (guarded(breakerState)) breaker = { from: s.from, fromId: s.id };
        }
        if (fallbackState === 'unknown' && p.fallback !== undefined) fallbackState = stateOf(p.fallback);
    }
    return { timeout, retries, breaker, timeoutState, retriesState, breakerState, fallbackState };
}

/** `2s`, `500ms`, `1.5m`: a duration as people write it. */
export function formatDuration(ms: number): string {
    if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
    if (ms >= 1000 && ms % 100 === 0) return `${ms / 1000}s`;
    return `${ms}ms`;
}
