import { ELEMENT_KINDS } from '../../model/kinds.js';
import type { ArchModel } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy, guarded } from '../analysis/call-policy.js';
import { isRequestCall } from '../analysis/graph.js';

/** Whether a failure of the caller reaches others: something calls it on a request path, or it faces users. */
function spreads(model: ArchModel, id: string): boolean {
    const caller = model.elements.get(id);
    if (caller?.kind === 'gateway' || caller?.kind === 'frontend') return true;
    return (model.incoming.get(id) ?? []).some(isRequestCall);
}

/** A timeout alone keeps a caller from hanging forever, not from waiting out every timeout while the callee is down. */
export const missingCircuitBreaker: Rule = {
    id: 'missing-circuit-breaker',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A call with a timeout is stated to have no circuit breaker (`breaker none`) and no fallback, and its caller is called in turn, so the failure spreads.',
    explanation: 'While a callee is down, a caller with only a timeout waits out the full timeout on every ' +
        'request, holding threads and connections, and passes the slowness up to its own callers. A circuit ' +
        'breaker fails fast once the callee keeps failing, and a fallback gives a degraded answer instead ' +
        '(Nygard\'s "circuit breaker" and "fail fast"). The rule fires only on what the model shows: ' +
        '`breaker none` (or `false`) with a known or default timeout, no fallback, from a caller that others ' +
        'call or that faces users. Add a `breaker`, or a `fallback` that answers without the callee.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (!isRequestCall(r)) continue;
            const callee = model.elements.get(r.targetId);
            if (!callee || !(ELEMENT_KINDS[callee.kind].workload || callee.kind === 'gateway')) continue;
            const policy = callPolicy(model, r);
            if (!guarded(policy.timeoutState) || policy.breakerState !== 'none' || guarded(policy.fallbackState)) continue;
            if (!spreads(model, r.sourceId)) continue;
            findings.push({
                target: relation(r.id),
                message: `Call '${r.sourceId}' → '${r.targetId}' has a timeout but no circuit breaker or fallback: while '${r.targetId}' is down, every request to '${r.sourceId}' waits out the timeout.`,
                fixes: [{ kind: 'set-properties', title: `Add a circuit breaker to '${r.sourceId}' → '${r.targetId}'`, target: relation(r.id), properties: [{ key: 'breaker' }] }],
            });
        }
        return findings;
    },
};
