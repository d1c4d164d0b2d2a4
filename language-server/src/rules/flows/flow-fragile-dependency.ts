import { ELEMENT_KINDS } from '../../model/kinds.js';
import { element, flowStep, relation, type Finding } from '../finding.js';
import type { QuickFix } from '../quick-fix.js';
import type { Rule } from '../rule.js';
import { callPolicy, guarded } from '../analysis/call-policy.js';
import { relationOf } from './flow-budget.js';
import { stepIds } from './flow-step-ids.js';
import { stepText } from './step-text.js';

/** A request that cannot complete while one instance restarts, or that waits out every timeout of a callee that is down. */
export const flowFragileDependency: Rule = {
    id: 'flow-fragile-dependency',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'A flow calls an element synchronously (`->`) that runs with `replicas 1`, or makes the call with `breaker none`, and no fallback answers instead.',
    explanation: 'Every synchronous step of a flow is something the request cannot complete without. If the ' +
        'element runs one instance, each deployment, crash or node failure of it fails every such request; if ' +
        'the call has no circuit breaker, every request waits out the timeout (or forever) while the callee ' +
        'is down, and the slowness climbs the flow. Unlike `single-replica`, one flow that depends on the ' +
        'element is enough. Only what the model states is reported: `replicas 1`, and `breaker none` (or ' +
        '`false`) on a call to a workload or gateway; a `fallback` on the call means the flow goes on without ' +
        'the callee. Run two or more replicas, add a `breaker`, or a `fallback`.',
    check(model) {
        const findings: Finding[] = [];
        for (const flow of model.flows.values()) {
            const ids = stepIds(flow);
            for (const step of flow.steps) {
                const call = relationOf(model, step);
                const callee = call && model.elements.get(call.targetId);
                if (!call || call.kind !== 'sync' || !callee || callee.properties.external === true) continue;
                const policy = callPolicy(model, call);
                if (guarded(policy.fallbackState)) continue;
                const problems: string[] = [];
                const fixes: QuickFix[] = [];
                if (callee.properties.replicas === 1 && callee.kind !== 'client') {
                    problems.push(`'${callee.id}' runs with 1 replica`);
                    fixes.push({ kind: 'set-properties', title: `Run '${callee.id}' with 2 replicas`, target: element(callee.id), properties: [{ key: 'replicas', value: '2' }] });
                }
                if (policy.breakerState === 'none' && (ELEMENT_KINDS[callee.kind].workload || callee.kind === 'gateway')) {
                    problems.push('the call has no circuit breaker');
                    fixes.push({ kind: 'set-properties', title: `Add a circuit breaker to '${call.sourceId}' → '${call.targetId}'`, target: relation(call.id), properties: [{ key: 'breaker' }] });
                }
                if (problems.length === 0) continue;
                const single = problems[0].endsWith('replica');
                const consequence = problems.length === 2 ? 'waits out the call and fails while it restarts or is down'
                    : single ? 'fails while it restarts or is down' : 'waits out the call while it is down';
                findings.push({
                    target: flowStep(ids.get(step)!),
                    message: `Flow '${flow.id}' depends synchronously on '${callee.id}' at step ${stepText(step)}: ${problems.join(' and ')}, so every '${flow.label}' ${consequence}.`,
                    fixes,
                });
            }
        }
        return findings;
    },
};
