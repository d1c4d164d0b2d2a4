import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names } from '../analysis/graph.js';

/** An orchestrator that cannot ask a service whether it is alive keeps sending it traffic when it is not. */
export const missingHealthCheck: Rule = {
    id: 'missing-health-check',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A service has no `health` check while other elements of the architecture declare one.',
    explanation: 'Load balancers, orchestrators and meshes route around an instance only if they can ask it ' +
        'whether it is healthy. A service without a health endpoint keeps receiving traffic while it is ' +
        'stuck. The rule only speaks once the architecture uses `health` somewhere: then every service ' +
        'should say how it is checked (`health "/healthz"`), or `health false` on purpose.',
    check(model) {
        const declared = [...model.elements.values()].filter(e => e.properties.health !== undefined && e.properties.health !== false);
        if (declared.length === 0) return [];
        const examples = declared.slice(0, 3);
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (e.kind !== 'service' || e.properties.external === true || (e.properties.health !== undefined && e.properties.health !== false)) continue;
            findings.push({
                target: element(e.id),
                message: `Service '${e.id}' has no health check, while ${declared.length > examples.length ? `${examples.map(x => `'${x.id}'`).join(', ')} and others` : names(examples.map(x => x.id))} ${declared.length === 1 ? 'declares' : 'declare'} one.`,
                related: examples.map(x => ({ target: element(x.id), message: `'${x.id}' declares a health check` })),
                fixes: [{ kind: 'set-properties', title: `Add a health check to '${e.id}'`, target: element(e.id), properties: [{ key: 'health', value: '"/healthz"' }] }],
            });
        }
        return findings;
    },
};
