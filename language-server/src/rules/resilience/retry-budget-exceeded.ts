import type { ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy, formatDuration } from '../analysis/call-policy.js';
import { isRequestCall, syncCallsFrom } from '../analysis/graph.js';

/** Retries inside a loop: each iteration may wait timeout × attempts, and the loop adds them up. */
export const retryBudgetExceeded: Rule = {
    id: 'retry-budget-exceeded',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A call made in a loop (`repeat n`) with retries may take longer in sum (n × attempts × timeout) than its caller\'s own caller waits.',
    explanation: 'A handler that calls a service several times per request (`repeat`), each call with a ' +
        'timeout and retries, may wait n × (retries + 1) × timeout in the worst case. When that is longer ' +
        'than the timeout of the call into the handler, the handler\'s caller gives up while the retries go ' +
        'on, for a request nobody waits for. (A single call whose attempts exceed the caller\'s timeout is ' +
        '`timeout-mismatch`.) Batch the calls, give the loop a deadline, or cut the retries.',
    check(model) {
        const findings: Finding[] = [];
        for (const inner of model.relations) {
            const repeat = inner.properties.repeat;
            if (!isRequestCall(inner) || typeof repeat !== 'number' || repeat < 2) continue;
            const policy = callPolicy(model, inner);
            if (!policy.timeout) continue;
            const attempts = (policy.retries?.count ?? 0) + 1;
            const once = policy.timeout.ms * attempts;
            const sum = once * repeat;
            let tightest: { call: ModelRelation; ms: number } | undefined;
            for (const outer of model.incoming.get(inner.sourceId) ?? []) {
                if (!isRequestCall(outer)) continue;
                const ms = callPolicy(model, outer).timeout?.ms;
                if (ms !== undefined && ms < sum && ms >= once && (!tightest || ms < tightest.ms)) tightest = { call: outer, ms };
            }
            if (!tightest || !syncCallsFrom(model, inner.sourceId).includes(inner)) continue;
            findings.push({
                target: relation(inner.id),
                message: `'${inner.sourceId}' calls '${inner.targetId}' ${repeat} times per request, each up to ${formatDuration(once)} (timeout ${formatDuration(policy.timeout.ms)}, ${attempts} attempts): ${formatDuration(sum)} in all, but '${tightest.call.sourceId}' gives up on '${inner.sourceId}' after ${formatDuration(tightest.ms)}.`,
                related: [{ target: relation(tightest.call.id), message: `'${tightest.call.sourceId}' waits ${formatDuration(tightest.ms)} for '${inner.sourceId}'` }],
            });
        }
        return findings;
    },
};
