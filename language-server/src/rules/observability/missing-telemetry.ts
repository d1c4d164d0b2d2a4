import { ELEMENT_KINDS, SIGNALS, type Signal } from '../../model/kinds.js';
import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { ancestorGroups } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';

/** The signal an element stores or carries: its kind's, or its `signal` property. */
function signalOf(model: ArchModel, id: string): Signal | undefined {
    const e = model.elements.get(id);
    if (!e) return undefined;
    const s = ELEMENT_KINDS[e.kind].backendSignal ?? e.properties.signal;
    return typeof s === 'string' ? s as Signal : undefined;
}

/** The signals that leave an element: its own, its sidecars' and its groups' `..>` links, and back ends that pull from it. */
function observedSignals(model: ArchModel, e: ModelElement): Set<Signal> {
    const signals = new Set<Signal>();
    const add = (id: string) => {
        const outgoing = model.outgoing.get(id);
        if (outgoing) for (const r of outgoing) if (r.kind === 'observe' && r.signal) signals.add(r.signal);
    };
    add(e.id);
    for (const id of e.sidecarIds) add(id);
    for (const g of ancestorGroups(model, e.id)) add(g.id);
    for (const r of model.incoming.get(e.id) ?? []) {
        const pulled = signalOf(model, r.sourceId);
        if (pulled) signals.add(pulled);
    }
    return signals;
}

/**
 * Where a new link for a signal should point: where the other workloads send it (an
 * agent or shipper), else the back end itself.
 */
function usualTargets(model: ArchModel): Map<Signal, string> {
    const counts = new Map<Signal, Map<string, number>>();
    for (const r of model.relations) {
        const source = model.elements.get(r.sourceId);
        if (r.kind === 'observe' && r.signal && source && ELEMENT_KINDS[source.kind].workload) {
            const bySignal = counts.get(r.signal) ?? new Map<string, number>();
            bySignal.set(r.targetId, (bySignal.get(r.targetId) ?? 0) + 1);
            counts.set(r.signal, bySignal);
        }
    }
    const result = new Map<Signal, string>();
    for (const [signal, bySignal] of counts) result.set(signal, [...bySignal.entries()].sort((a, b) => b[1] - a[1])[0][0]);
    return result;
}

/** A service that sends nothing to the metrics, logs or traces back ends the architecture has is a blind spot. */
export const missingTelemetry: Rule = {
    id: 'missing-telemetry',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A service or function sends no metrics, logs or traces to a back end of that signal that the architecture has.',
    explanation: 'When an incident crosses a service that reports nothing, the trace stops, the dashboard has a ' +
        'hole and the logs are silent exactly where the answer is. If the architecture has a metrics, logs or ' +
        'traces back end, connect every service and function to it (`svc ..> prometheus`), directly, through an ' +
        'agent or shipper, or through its sidecar or its group.',
    check(model) {
        const backends = new Map<Signal, string>();
        for (const e of model.elements.values()) {
            const s = ELEMENT_KINDS[e.kind].backendSignal;
            if (s && !backends.has(s)) backends.set(s, e.id);
        }
        if (backends.size === 0) return [];
        const findings: Finding[] = [];
        // Counted once: a finding per service would otherwise walk every relation again.
        let usual: Map<Signal, string> | undefined;
        for (const e of model.elements.values()) {
            // A third party's service (`external`) reports to its owner, not to us.
            if ((e.kind !== 'service' && e.kind !== 'function') || e.properties.external === true || enclosing(model, e.id, 'stack')) continue;
            const observed = observedSignals(model, e);
            const missing = SIGNALS.filter(s => backends.has(s) && !observed.has(s));
            if (missing.length === 0) continue;
            const which = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
            const there = missing.map(s => `'${backends.get(s)}'`).join(' and ');
            usual ??= usualTargets(model);
            const targets = missing.map(s => usual!.get(s) ?? backends.get(s)!);
            findings.push({
                target: element(e.id),
                message: `${e.kind === 'service' ? 'Service' : 'Function'} '${e.id}' sends no ${which}, though the architecture has ${there}.`,
                related: missing.map(s => ({ target: element(backends.get(s)!), message: `'${backends.get(s)}' collects ${s}` })),
                fixes: [{
                    kind: 'add-lines', title: `Send ${which} from '${e.id}' to ${targets.map(t => `'${t}'`).join(' and ')}`,
                    afterId: e.hostId ?? e.id, lines: missing.map((s, i) => `${e.id} ..> ${targets[i]} : ${s}`),
                }],
            });
        }
        return findings;
    },
};
