import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isWorkload, names } from '../analysis/graph.js';

/** A service everything calls: every change to it is a change to all of them. */
export const hubDependency: Rule = {
    id: 'hub-dependency',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'More elements call a service synchronously than the threshold allows (`maxDependents`, 5).',
    explanation: 'A hub that many services call synchronously couples their availability and their release ' +
        'plans to it: an outage or a breaking change in the hub reaches all of them at once. Split it by ' +
        'responsibility, move what callers only read into events they can keep a copy of, or at least ' +
        'guard every call with a timeout and a breaker and run the hub with several replicas.',
    thresholds: { maxDependents: { default: 5, min: 1, description: 'The most elements that may call one service synchronously.' } },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        const max = thresholds.maxDependents;
        for (const hub of model.elements.values()) {
            if (!isWorkload(model, hub.id)) continue;
            const calls = new Map<string, ModelRelation>();
            for (const r of model.incoming.get(hub.id) ?? []) {
                if (r.kind === 'sync' && model.elements.get(r.sourceId)?.kind !== 'client' && !calls.has(r.sourceId)) calls.set(r.sourceId, r);
            }
            if (calls.size <= max) continue;
            findings.push({
                target: element(hub.id),
                message: `${calls.size} elements call '${hub.id}' synchronously (more than ${max}): ${names([...calls.keys()])}.`,
                related: [...calls.values()].map(r => ({ target: relation(r.id), message: `'${r.sourceId}' depends on '${hub.id}'` })),
            });
        }
        return findings;
    },
};
