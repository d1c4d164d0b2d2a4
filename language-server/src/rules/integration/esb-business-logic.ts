import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** Business rules that live in the integration layer instead of the services. */
export const esbBusinessLogic: Rule = {
    id: 'esb-business-logic',
    group: 'integration',
    defaultSeverity: 'warning',
    description: 'An ESB or message bus holds business logic (`logic` is set on it).',
    explanation: 'A bus should route and transform messages, not decide what the business does. Logic in the ' +
        'bus is owned by no service team, is tested with none of them, and ties every service to the bus. Move ' +
        'the rule into the service that owns the data it decides on, and keep the bus "dumb pipes".',
    check(model) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (e.kind !== 'esb' && e.kind !== 'bus') continue;
            const logic = e.properties.logic;
            if (logic === undefined || logic === false) continue;
            const what = typeof logic === 'string' ? ` ("${logic}")` : '';
            const kind = e.kind === 'esb' ? 'ESB' : 'Bus';
            findings.push({
                target: element(e.id),
                message: `${kind} '${e.id}' holds business logic${what}: move it into the service that owns the decision.`,
            });
        }
        return findings;
    },
};
