import { ELEMENT_KINDS } from '../../model/kinds.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy } from '../analysis/call-policy.js';
import { isRequestCall, isWorkload } from '../analysis/graph.js';

/** What the model leaves open: the facts a reviewer cannot judge until someone looks them up. */
export const unverified: Rule = {
    id: 'unverified',
    group: 'resilience',
    defaultSeverity: 'info',
    optIn: true,
    description: 'Opt-in: lists what the model leaves unknown (a call\'s timeout or breaker, a service\'s health check), so that it can be looked up.',
    explanation: 'Rules report only what the model shows is missing; a fact that is not written is unknown, ' +
        'not absent. This rule, off unless a configuration turns it on (`"unverified": "info"`), lists the ' +
        'unknowns: calls between workloads whose timeout or circuit breaker nobody wrote down (neither on ' +
        'the call nor through a sidecar, gateway or mesh), and services others call whose health check is ' +
        'not written. Write what the code or the platform does: a value, `default` or `none`.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (!isRequestCall(r) || !isWorkload(model, r.sourceId) || !isWorkload(model, r.targetId)) continue;
            const policy = callPolicy(model, r);
            const open = [policy.timeoutState === 'unknown' ? 'timeout' : undefined, policy.breakerState === 'unknown' ? 'circuit breaker' : undefined].filter(Boolean);
            if (open.length === 0) continue;
            findings.push({ target: relation(r.id), message: `Call '${r.sourceId}' → '${r.targetId}': the ${open.join(' and ')} ${open.length === 1 ? 'is' : 'are'} not known.` });
        }
        for (const e of model.elements.values()) {
            if (!ELEMENT_KINDS[e.kind].workload || e.properties.external === true || e.properties.health !== undefined) continue;
            if (!(model.incoming.get(e.id) ?? []).some(isRequestCall)) continue;
            findings.push({ target: element(e.id), message: `'${e.id}' is called by others, but whether it has a health check is not known.` });
        }
        return findings;
    },
};
