import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names } from '../analysis/graph.js';

/** Services that ship together are not independently deployable, whatever their boxes say. */
export const sharedDeploymentUnit: Rule = {
    id: 'shared-deployment-unit',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'Several services name the same `deployment` unit.',
    explanation: 'Services packed into one deployment unit (one container, one WAR, one VM image) are released, ' +
        'scaled and restarted together: a fix to one redeploys all, and a crash of one takes the others down. ' +
        'Give each service its own unit; if they must move together, they may be one service.',
    check(model) {
        const units = new Map<string, string[]>();
        for (const e of model.elements.values()) {
            const unit = e.properties.deployment;
            if (e.kind !== 'service' || typeof unit !== 'string') continue;
            units.set(unit, [...(units.get(unit) ?? []), e.id]);
        }
        const findings: Finding[] = [];
        for (const [unit, ids] of units) {
            if (ids.length < 2) continue;
            findings.push({
                target: element(ids[0]),
                message: `${ids.length} services are packed into deployment unit "${unit}": ${names(ids)}.`,
                related: ids.slice(1).map(id => ({ target: element(id), message: `'${id}' is also deployed in "${unit}"` })),
            });
        }
        return findings;
    },
};
