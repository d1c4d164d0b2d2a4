import type { ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { isRequestCall, isWorkload, names } from '../analysis/graph.js';

/** A service everything calls: every change to it is a change to all of them. */
export const hubDependency: Rule = {
    id: 'hub-dependency',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'More elements call a service synchronously than a share of the system\'s workloads (`maxShare`, 40%), with a floor (`maxDependents`, 3).',
    explanation: 'A hub that many services call synchronously couples their availability and their release ' +
        'plans to it: an outage or a breaking change in the hub reaches all of them at once. What "many" is ' +
        'depends on the size of the system: the rule fires when the callers are more than `maxShare` per cent ' +
        'of the workloads and more than `maxDependents`. Calls marked `startup` do not count. Split the hub by ' +
        'responsibility, move what callers only read into events they can keep a copy of, or at least ' +
        'guard every call with a timeout and a breaker and run the hub with several replicas.',
    thresholds: {
        maxDependents: { default: 3, min: 1, description: 'The floor: a service with this many callers or fewer is never a hub.' },
        maxShare: { default: 40, min: 1, description: 'The most callers a service may have, in per cent of the workloads of the system.' },
    },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        const workloads = [...model.elements.values()].filter(e => isWorkload(model, e.id)).length;
        const max = Math.max(thresholds.maxDependents, Math.floor(workloads * thresholds.maxShare / 100));
        for (const hub of model.elements.values()) {
            if (!isWorkload(model, hub.id)) continue;
            const calls = new Map<string, ModelRelation>();
            for (const r of model.incoming.get(hub.id) ?? []) {
                if (isRequestCall(r) && model.elements.get(r.sourceId)?.kind !== 'client' && !calls.has(r.sourceId)) calls.set(r.sourceId, r);
            }
            if (calls.size <= max) continue;
            findings.push({
                target: element(hub.id),
                message: `${calls.size} of ${workloads} workloads call '${hub.id}' synchronously (more than ${max}): ${names([...calls.keys()])}.`,
                related: [...calls.values()].map(r => ({ target: relation(r.id), message: `'${r.sourceId}' depends on '${hub.id}'` })),
            });
        }
        return findings;
    },
};
