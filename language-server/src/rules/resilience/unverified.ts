import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { openCallFacts, openElementFacts, tracesRequests } from '../analysis/open-facts.js';
import { openFlowBudgets } from '../flows/open-budgets.js';

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What the model leaves open: the facts a reviewer cannot judge until someone looks them up. */
export const unverified: Rule = {
    id: 'unverified',
    group: 'resilience',
    defaultSeverity: 'info',
    optIn: true,
    description: 'Opt-in: lists what the model leaves unknown that the rules depend on (a call\'s timeout, retries, breaker, fallback, encryption and authentication; a workload\'s health check, replicas, secrets, privileges, logging and trace propagation; a flow\'s budget that a step of unknown timeout leaves unchecked), so that it can be looked up.',
    explanation: 'Rules report only what the model shows is missing; a fact that is not written is unknown, ' +
        'not absent. This rule, off unless a configuration turns it on (`"unverified": "info"`), lists the ' +
        'unknowns, one finding per call or element: for calls between workloads, the timeout, retries, circuit ' +
        'breaker and fallback that nobody wrote down (neither on the call nor through a sidecar, gateway or ' +
        'mesh), whether the traffic is encrypted (`tls`, `mtls`) and authenticated (`auth`); for workloads we ' +
        'run, the health check (and whether it is probed) and replicas of those others call, how they get ' +
        'their credentials (`secrets`), their privileges (`root`, `privileged`, `host-mount`, `docker-socket`), ' +
        'where they write their logs (`logging`) and, where the architecture traces, the context they ' +
        'propagate; for flows, the budgets `flow-budget-exceeded` cannot check because a step inside has no ' +
        'known worst case. Write what the code or the platform does: a value, `default` or `none`.',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            const open = openCallFacts(model, r);
            if (open.length === 0) continue;
            findings.push({ target: relation(r.id), message: `Call '${r.sourceId}' → '${r.targetId}': ${list(open)} not known.` });
        }
        const tracing = tracesRequests(model);
        for (const e of model.elements.values()) {
            const open = openElementFacts(model, e, tracing);
            if (open.length === 0) continue;
            findings.push({ target: element(e.id), message: `'${e.id}': ${list(open)} not known.` });
        }
        findings.push(...openFlowBudgets(model));
        return findings;
    },
};
