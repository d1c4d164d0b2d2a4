import { ELEMENT_KINDS, type ElementKind } from '../../model/kinds.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy, guarded } from '../analysis/call-policy.js';
import { enclosing } from '../analysis/graph.js';

/** Callers whose threads a hanging callee can hold: code that runs, and the proxies in front of it. */
const CALLERS: ReadonlySet<ElementKind> = new Set(['service', 'function', 'component', 'gateway', 'esb', 'sidecar', 'frontend', 'version']);

/** Nygard's first stability pattern: never wait forever. */
export const missingTimeout: Rule = {
    id: 'missing-timeout',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A synchronous call between services is stated to have no timeout (`timeout none`) and no circuit breaker, and no sidecar, gateway or mesh gives one.',
    explanation: 'Without a timeout a caller waits as long as the callee hangs, holding a thread and a ' +
        'connection; under load the callers run out of both and fail too (Nygard\'s "integration points" ' +
        'and "cascading failures"). Give the call a `timeout` and a `breaker`, or put both sides in a mesh ' +
        'whose sidecars or policies provide them. A call whose timeout is not written is unknown, not ' +
        'missing: this rule reports only `timeout none` (the opt-in rule `unverified` lists the unknown ones). ' +
        'A `connect-timeout` does not count: a call that hangs after connecting is not guarded by it.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync') continue;
            const caller = model.elements.get(r.sourceId);
            if (!caller || !CALLERS.has(caller.kind)) continue;
            const callee = model.elements.get(r.targetId);
            const calleeRuns = callee === undefined
                ? model.groups.has(r.targetId)
                : ELEMENT_KINDS[callee.kind].workload || callee.kind === 'gateway' || callee.kind === 'esb';
            if (!calleeRuns) continue;
            // A call inside one monolith is a method call, not a network hop.
            const monolith = enclosing(model, r.sourceId, 'monolith');
            if (monolith && monolith.id === enclosing(model, r.targetId, 'monolith')?.id) continue;
            const policy = callPolicy(model, r);
            if (policy.timeoutState !== 'none' || guarded(policy.breakerState)) continue;
            const guards = policy.breakerState === 'none' ? 'neither a timeout nor a circuit breaker' : 'no timeout';
            findings.push({
                target: relation(r.id),
                message: `Call '${r.sourceId}' → '${r.targetId}' has ${guards}: when '${r.targetId}' hangs, '${r.sourceId}' hangs with it.`,
                fixes: [{
                    kind: 'set-properties', title: `Add a timeout and a circuit breaker to '${r.sourceId}' → '${r.targetId}'`, target: relation(r.id),
                    properties: [{ key: 'timeout', value: '2s' }, { key: 'breaker' }],
                }],
            });
        }
        return findings;
    },
};
