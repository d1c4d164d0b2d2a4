import type { ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy, formatDuration } from '../analysis/call-policy.js';
import { syncCallsFrom } from '../analysis/graph.js';

/** A caller that gives up before its callee can: the callee's work is wasted and its retries pile on. */
export const timeoutMismatch: Rule = {
    id: 'timeout-mismatch',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A caller\'s timeout is shorter than the time its callee may wait on its own downstream call (timeout × attempts).',
    explanation: 'Timeouts should shrink along a path: each caller waits a little longer than its callee ' +
        'can take to give up on the next hop. If the caller gives up first, the callee keeps working (and ' +
        'retrying) for a request nobody waits for, and its own timeout never gets the chance to produce a ' +
        'useful error. Raise the caller\'s timeout, or lower the callee\'s timeout or retries.',
    check(model) {
        const findings: Finding[] = [];
        for (const outer of model.relations) {
            if (outer.kind !== 'sync') continue;
            const outerTimeout = callPolicy(model, outer).timeout;
            if (!outerTimeout) continue;
            let worst: { call: ModelRelation; wait: number; timeout: number; retries: number } | undefined;
            for (const inner of syncCallsFrom(model, outer.targetId)) {
                const policy = callPolicy(model, inner);
                if (!policy.timeout) continue;
                const retries = policy.retries?.count ?? 0;
                const wait = policy.timeout.ms * (retries + 1);
                if (!worst || wait > worst.wait) worst = { call: inner, wait, timeout: policy.timeout.ms, retries };
            }
            // Equal budgets race; only a caller that surely gives up first is reported.
            if (!worst || outerTimeout.ms >= worst.wait) continue;
            const how = worst.retries > 0
                ? `${formatDuration(worst.wait)} for '${worst.call.targetId}' (timeout ${formatDuration(worst.timeout)}, ${worst.retries} ${worst.retries === 1 ? 'retry' : 'retries'})`
                : `${formatDuration(worst.wait)} for '${worst.call.targetId}'`;
            findings.push({
                target: relation(outer.id),
                message: `'${outer.sourceId}' gives up on '${outer.targetId}' after ${formatDuration(outerTimeout.ms)}, but '${outer.targetId}' may wait ${how}: the caller times out first.`,
                related: [{ target: relation(worst.call.id), message: `'${outer.targetId}' waits up to ${formatDuration(worst.wait)} for '${worst.call.targetId}'` }],
            });
        }
        return findings;
    },
};
