import type { ArchModel, ModelElement } from '../model/model-types.js';
import { callPolicy } from '../rules/analysis/call-policy.js';
import { elementsInside, isRequestCall } from '../rules/analysis/graph.js';

/** Proxies that route many paths: a failure behind one breaks that route, not every caller of the proxy. */
function isRouter(e: ModelElement | undefined): boolean {
    return e?.kind === 'gateway' || e?.kind === 'esb';
}

/**
 * What fails when `id` fails, nearest first: the callers of a failed element fail, unless
 * a circuit breaker guards the call (on the call, the caller's sidecar, a gateway or the
 * mesh), and so on transitively. A failed group takes its members with it; a service and
 * its sidecars fail together. A gateway or ESB on the way fails for the routes through
 * the failed element, so it is listed, but its other callers are not. Asynchronous
 * messages and observability links do not spread failures: the broker buffers them.
 */
export function blastRadius(model: ArchModel, id: string): string[] {
    const failed = new Set<string>([id]);
    const order: string[] = [];
    const queue: string[] = [];
    const fail = (x: string) => {
        if (failed.has(x) || !model.elements.has(x)) return;
        failed.add(x);
        order.push(x);
        queue.push(x);
    };
    if (model.elements.has(id)) queue.push(id);
    else if (model.groups.has(id)) for (const member of elementsInside(model, id)) fail(member.id);
    while (queue.length > 0) {
        const x = queue.shift()!;
        const e = model.elements.get(x);
        if (e?.hostId) fail(e.hostId);
        for (const s of e?.sidecarIds ?? []) fail(s);
        if (x !== id && isRouter(e)) continue;
        for (const r of model.incoming.get(x) ?? []) {
            if (isRequestCall(r) && !callPolicy(model, r).breaker) fail(r.sourceId);
        }
    }
    return order;
}
