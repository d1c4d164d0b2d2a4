import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall, isWorkload } from '../analysis/graph.js';
import { tracesRequests } from '../analysis/open-facts.js';

/** A trace that stops at one service shows the request up to there and nothing after it. */
export const brokenTracePropagation: Rule = {
    id: 'broken-trace-propagation',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A workload on a traced request path does not pass the trace context on (`propagation none`), or a call joins two workloads that propagate different formats.',
    explanation: 'Distributed tracing works only if every hop passes the trace context (W3C `traceparent`, ' +
        'B3, Jaeger\'s `uber-trace-id`) to the next. A service that drops it, or speaks another format than ' +
        'its callee, splits every trace in two at that point. The rule fires on a workload with ' +
        '`propagation none` that is called and calls others, in an architecture that traces, and on a call ' +
        'between two workloads whose stated formats differ, or that is itself marked `propagation none` where the architecture traces or the caller\'s other calls carry the context. Instrument the service with the same propagator ' +
        'as the rest (OpenTelemetry can read and write several).',
    check(model) {
        const findings: Finding[] = [];
        // A call marked `propagation none` where the rest carries the context: the architecture
        // traces, or the caller's other request calls are not marked so (this call is the odd one out).
        const tracing = tracesRequests(model);
        for (const r of model.relations) {
            if (!isRequestCall(r) || r.properties.propagation !== 'none') continue;
            if (!isWorkload(model, r.sourceId) || !isWorkload(model, r.targetId) || model.elements.get(r.sourceId)?.properties.propagation === 'none') continue;
            const oddOneOut = (model.outgoing.get(r.sourceId) ?? []).some(o => o !== r && isRequestCall(o) && o.properties.propagation !== 'none');
            if (!tracing && !oddOneOut) continue;
            findings.push({ target: relation(r.id), message: `'${r.sourceId}' does not pass the trace context on its call to '${r.targetId}': traces break on this call.` });
        }
        if (!tracing) return findings;
        for (const e of model.elements.values()) {
            if (e.properties.propagation !== 'none' || !isWorkload(model, e.id)) continue;
            const inbound = (model.incoming.get(e.id) ?? []).some(isRequestCall);
            const outbound = (model.outgoing.get(e.id) ?? []).some(r => isRequestCall(r) && isWorkload(model, r.targetId));
            if (!inbound || !outbound) continue;
            findings.push({ target: element(e.id), message: `'${e.id}' does not pass the trace context on: every trace through it breaks in two.` });
        }
        for (const r of model.relations) {
            if (!isRequestCall(r)) continue;
            if (r.properties.propagation === 'none') continue;
            const from = model.elements.get(r.sourceId)?.properties.propagation;
            const to = model.elements.get(r.targetId)?.properties.propagation;
            if (typeof from !== 'string' || typeof to !== 'string' || from === 'none' || to === 'none' || from === to) continue;
            findings.push({
                target: relation(r.id),
                message: `'${r.sourceId}' propagates ${from} trace context but '${r.targetId}' reads ${to}: traces break on this call.`,
            });
        }
        return findings;
    },
};
