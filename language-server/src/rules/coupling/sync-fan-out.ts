import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing, isWorkload, names, syncCallsFrom } from '../analysis/graph.js';

/** Routers and user-facing aggregators fan out by design: one route or one page per call. */
const AGGREGATORS = new Set(['gateway', 'frontend', 'esb', 'client']);

/** A request that waits for many services waits for the slowest, and fails if any of them fails. */
export const syncFanOut: Rule = {
    id: 'sync-fan-out',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A service calls more services synchronously per request than the threshold (`maxFanOut`, 4); a call in a loop (`repeat n`) counts n times.',
    explanation: 'A handler that calls many services synchronously for one request is as slow as the slowest ' +
        'of them and as available as the product of their availabilities, and it multiplies the load on ' +
        'them. Gateways and front ends route or compose by design and are left out; calls marked `startup` ' +
        'do not count. Fetch in parallel with a deadline, keep a local copy fed by events, or let the ' +
        'callees push what the handler needs.',
    thresholds: { maxFanOut: { default: 4, min: 1, description: 'The most synchronous calls to other services one request may make.' } },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (!isWorkload(model, e.id) || AGGREGATORS.has(e.kind) || enclosing(model, e.id, 'control-plane')) continue;
            // Started only by messages (a workflow a message starts): no caller waits for its calls.
            const inbound = (model.incoming.get(e.id) ?? []).filter(r => r.kind !== 'observe');
            if (inbound.length > 0 && !inbound.some(r => r.kind === 'sync')) continue;
            // Inside one monolith a call is a method call, not a request over the network.
            const monolith = enclosing(model, e.id, 'monolith')?.id;
            const calls: ModelRelation[] = syncCallsFrom(model, e.id).filter(r => (isWorkload(model, r.targetId) || model.elements.get(r.targetId)?.kind === 'version')
                && (monolith === undefined || enclosing(model, r.targetId, 'monolith')?.id !== monolith));
            const perRequest = calls.reduce((sum, r) => sum + (typeof r.properties.repeat === 'number' ? r.properties.repeat : 1), 0);
            if (perRequest <= thresholds.maxFanOut) continue;
            findings.push({
                target: element(e.id),
                message: `'${e.id}' makes ${perRequest} synchronous calls to other services per request (more than ${thresholds.maxFanOut}): ${names([...new Set(calls.map(r => r.targetId))])}.`,
                related: calls.map(r => ({ target: relation(r.id), message: `'${e.id}' waits for '${r.targetId}'${typeof r.properties.repeat === 'number' ? ` ${r.properties.repeat} times` : ''}` })),
            });
        }
        return findings;
    },
};
