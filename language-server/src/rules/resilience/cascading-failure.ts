import { ELEMENT_KINDS } from '../../model/kinds.js';
import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy, guarded } from '../analysis/call-policy.js';
import { enclosing, isRequestCall, names } from '../analysis/graph.js';

/** What can start a cascade that breakers and fallbacks can stop: code that runs. */
function candidate(model: ArchModel, id: string): boolean {
    const e = model.elements.get(id);
    return e !== undefined && ELEMENT_KINDS[e.kind].workload;
}

/**
 * A data store we run can start one too: when its users call it with neither breaker nor
 * fallback, its failure spreads through them. It is a start of its own, beside the workloads
 * that use it. A provider's managed store (replicated by the provider) or a third party's is not.
 */
function dataStart(model: ArchModel, id: string): boolean {
    const e = model.elements.get(id);
    return e !== undefined && ELEMENT_KINDS[e.kind].dataStore && e.properties.external !== true && e.properties.managed !== true;
}

/** A monolith fails as one: its modules count once, under its id. */
function unitOf(model: ArchModel, id: string): string {
    return enclosing(model, id, 'monolith')?.id ?? id;
}

/** A hard dependency: a request call that neither a breaker nor a fallback guards. */
function hard(model: ArchModel, r: ModelRelation): boolean {
    const policy = callPolicy(model, r);
    return isRequestCall(r) && !guarded(policy.breakerState) && !guarded(policy.fallbackState);
}

/** The workloads that fail with `id` through hard dependencies, and the calls that carry the failure. */
function exposure(model: ArchModel, id: string): { failed: string[]; calls: ModelRelation[] } {
    const failed = new Set([id]);
    const calls: ModelRelation[] = [];
    const queue = [id];
    while (queue.length > 0) {
        const x = queue.shift()!;
        for (const r of model.incoming.get(x) ?? []) {
            if (failed.has(r.sourceId) || !hard(model, r)) continue;
            const caller = model.elements.get(r.sourceId);
            if (!caller || !(ELEMENT_KINDS[caller.kind].workload || caller.kind === 'gateway')) continue;
            failed.add(r.sourceId);
            calls.push(r);
            queue.push(r.sourceId);
        }
    }
    const own = unitOf(model, id);
    return { failed: [...new Set([...failed].map(x => unitOf(model, x)))].filter(u => u !== own), calls };
}

/** One failure that takes many others with it: the avalanche of synchronous hard dependencies. */
export const cascadingFailure: Rule = {
    id: 'cascading-failure',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'When an element fails, more workloads than the threshold (`minRadius`, 3) fail with it through calls with neither a circuit breaker nor a fallback; ranked by blast radius.',
    explanation: 'A request path of hard dependencies (synchronous calls that neither a breaker nor a fallback ' +
        'guards) turns one failure into many: every caller on the way fails with the callee ' +
        '(Nygard\'s "cascading failures", the "chain reactions" of microservices). The rule follows such ' +
        'calls backwards from each element and reports those whose failure takes more than `minRadius` ' +
        'workloads down, largest blast radius first. Calls marked `startup` are not on a request path. ' +
        'Give the calls into the element a `breaker` or a `fallback`, or make them asynchronous.',
    thresholds: { minRadius: { default: 3, min: 1, description: 'The most workloads that may fail with one element.' } },
    check(model, { thresholds }) {
        const ranked: Array<{ id: string; failed: string[]; calls: ModelRelation[] }> = [];
        for (const e of model.elements.values()) {
            if (dataStart(model, e.id)) {
                const { failed, calls } = exposure(model, e.id);
                if (failed.length > thresholds.minRadius) ranked.push({ id: e.id, failed, calls });
                continue;
            }
            if (!candidate(model, e.id)) continue;
            // An element that depends hard on another candidate fails with it, and so does all it takes down:
            // the callee's finding covers it (a chain of a thousand calls is one finding, not a thousand).
            if ((model.outgoing.get(e.id) ?? []).some(r => r.targetId !== e.id && candidate(model, r.targetId) && hard(model, r))) continue;
            const { failed, calls } = exposure(model, e.id);
            if (failed.length > thresholds.minRadius) ranked.push({ id: e.id, failed, calls });
        }
        ranked.sort((a, b) => b.failed.length - a.failed.length);
        return ranked.map(({ id, failed, calls }, i): Finding => ({
            target: element(id),
            message: `When '${id}' fails, ${failed.length} workloads fail with it through calls with neither breaker nor fallback (${i + 1} of ${ranked.length} by blast radius): ${failed.length > 10 ? `${names(failed.slice(0, 10))} and ${failed.length - 10} more` : names(failed)}.`,
            related: calls.slice(0, 20).map(r => ({ target: relation(r.id), message: `'${r.sourceId}' depends on '${r.targetId}' without breaker or fallback` })),
        }));
    },
};
