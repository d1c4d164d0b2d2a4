import type { ArchModel } from '../../model/model-types.js';
import type { ModelFlow, ModelFlowStep } from '../../model/view-types.js';

/**
 * Findings name a flow step as `<flow>/<source><arrow><target>`, with `#2`, `#3` for the
 * same step written again in the flow: the id (and a finding's fingerprint) stays the same
 * when other steps are added or moved, as a relation's id does.
 */
export function stepIds(flow: ModelFlow): ReadonlyMap<ModelFlowStep, string> {
    const ids = new Map<ModelFlowStep, string>();
    const seen = new Map<string, number>();
    for (const step of flow.steps) {
        const base = `${flow.id}/${step.sourceId ?? '?'}${step.arrow}${step.targetId ?? '?'}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        ids.set(step, n === 1 ? base : `${base}#${n}`);
    }
    return ids;
}

/** The step a finding names, looked up once per model. */
export function findFlowStep(model: ArchModel, id: string): ModelFlowStep | undefined {
    let byId = cache.get(model);
    if (!byId) {
        byId = new Map();
        for (const flow of model.flows.values()) for (const [step, stepId] of stepIds(flow)) byId.set(stepId, step);
        cache.set(model, byId);
    }
    return byId.get(id);
}

const cache = new WeakMap<ArchModel, Map<string, ModelFlowStep>>();
