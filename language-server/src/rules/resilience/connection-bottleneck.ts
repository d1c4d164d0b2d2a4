import type { ArchModel } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall } from '../analysis/graph.js';

/** A busy element: several callers on request paths, a caller that faces users, or `volume high`. */
function busy(model: ArchModel, id: string): boolean {
    const e = model.elements.get(id);
    if (!e) return false;
    if (e.properties.volume === 'high' || e.kind === 'gateway' || e.kind === 'frontend') return true;
    const calls = (model.incoming.get(id) ?? []).filter(isRequestCall);
    return new Set(calls.map(r => r.sourceId)).size >= 2
        || calls.some(r => r.properties.volume === 'high' || ['client', 'gateway', 'frontend'].includes(model.elements.get(r.sourceId)?.kind ?? ''));
}

/** One connection or one request at a time: every other request queues behind it. */
export const connectionBottleneck: Rule = {
    id: 'connection-bottleneck',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A connection pool of 1 (`pool 1`) or a concurrency of 1 (`concurrency 1`) on a busy path.',
    explanation: 'A pool of one connection, or an instance that handles one request at a time, serialises ' +
        'every request that needs it: latency grows with the queue, and one slow request stalls all the ' +
        'others (the HotROD example\'s single MySQL connection). The rule fires where the model shows it on a ' +
        'busy path: an element with several callers, a caller that faces users, or `volume high`. Size the ' +
        'pool and the concurrency for the load, or make the work asynchronous.',
    check(model) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            const single = e.properties.pool === 1 ? 'a connection pool of 1' : e.properties.concurrency === 1 ? 'a concurrency of 1' : undefined;
            if (!single || !busy(model, e.id)) continue;
            findings.push({ target: element(e.id), message: `'${e.id}' has ${single} on a busy path: its requests queue one behind the other.` });
        }
        for (const r of model.relations) {
            if (!isRequestCall(r) || r.properties.pool !== 1 || !busy(model, r.sourceId)) continue;
            findings.push({ target: relation(r.id), message: `'${r.sourceId}' reaches '${r.targetId}' through a pool of 1 connection on a busy path: its requests queue one behind the other.` });
        }
        return findings;
    },
};
