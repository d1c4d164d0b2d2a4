import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall, names } from '../analysis/graph.js';

/** Workloads that serve requests and that an orchestrator or load balancer routes to. */
const CHECKED = new Set(['service', 'frontend']);

function hasHealth(e: ModelElement): boolean {
    return e.properties.health !== undefined && e.properties.health !== false;
}

function calledByOthers(model: ArchModel, id: string): boolean {
    return (model.incoming.get(id) ?? []).some(r => isRequestCall(r) && r.sourceId !== id);
}

/** An orchestrator that cannot ask a service whether it is alive keeps sending it traffic when it is not. */
export const missingHealthCheck: Rule = {
    id: 'missing-health-check',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A service that others call (or any service, once one declares `health`) has no health check, or has a health endpoint that nothing probes (`probed none`).',
    explanation: 'Load balancers, orchestrators and meshes route around an instance only if they can ask it ' +
        'whether it is healthy. A service without a health endpoint keeps receiving traffic while it is ' +
        'stuck, and so does one whose endpoint nobody probes (`probed none`: no liveness or readiness probe, ' +
        'no compose `healthcheck`). The rule checks every service that others call, and every service once ' +
        'the architecture declares `health` anywhere. Write how it is checked (`health "/healthz" probed`), ' +
        'or `health none` on purpose.',
    check(model) {
        const declared = [...model.elements.values()].filter(hasHealth);
        const examples = declared.slice(0, 3);
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (!CHECKED.has(e.kind) || e.properties.external === true) continue;
            if (hasHealth(e)) {
                if (e.properties.probed === false) {
                    findings.push({
                        target: element(e.id),
                        message: `'${e.id}' offers a health endpoint that nothing probes: traffic keeps reaching it while it is stuck.`,
                        fixes: [{ kind: 'set-properties', title: `Mark the health endpoint of '${e.id}' as probed`, target: element(e.id), properties: [{ key: 'probed' }] }],
                    });
                }
                continue;
            }
            if (declared.length === 0 && !calledByOthers(model, e.id)) continue;
            const others = declared.length === 0 ? '' : `, while ${declared.length > examples.length ? `${examples.map(x => `'${x.id}'`).join(', ')} and others` : names(examples.map(x => x.id))} ${declared.length === 1 ? 'declares' : 'declare'} one`;
            findings.push({
                target: element(e.id),
                message: `${e.kind === 'frontend' ? 'Front end' : 'Service'} '${e.id}' has no health check${others}${declared.length === 0 ? ': others call it, and nothing can tell whether it is alive' : ''}.`,
                related: examples.map(x => ({ target: element(x.id), message: `'${x.id}' declares a health check` })),
                fixes: [{ kind: 'set-properties', title: `Add a health check to '${e.id}'`, target: element(e.id), properties: [{ key: 'health', value: '"/healthz"' }] }],
            });
        }
        return findings;
    },
};
