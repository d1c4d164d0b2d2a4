import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow, ModelFlowStep } from '../model/view-types.js';
import { groupsAround } from '../model/groups-around.js';
import { flowParticipants } from './flow-selection.js';
import type { StepBudgets } from './step-budget.js';

/**
 * What the renderer needs to draw a flow on the architecture diagram: which elements and
 * groups it passes through (the rest is dimmed) and, by relation id, the steps that take
 * each relation (numbered badges; a relation taken twice carries both numbers).
 */
export interface FlowMarks {
    readonly flowId: string;
    readonly label: string;
    /** Elements and groups the flow passes through or inside: drawn at full strength. */
    readonly inFlow: ReadonlySet<string>;
    readonly steps: ReadonlyMap<string, readonly StepMark[]>;
}

export interface StepMark {
    readonly number: string;
    readonly optional: boolean;
    /** An asynchronous step whose answer the flow waits for. */
    readonly awaited: boolean;
    readonly text: string;
    /** The step's worst-case time against the flow's budget, in words, when known. */
    readonly budget?: string;
}

export function flowMarks(model: ArchModel, flow: ModelFlow, budgets: StepBudgets): FlowMarks {
    const inFlow = new Set<string>();
    for (const id of flowParticipants(flow)) {
        inFlow.add(id);
        groupsAround(model, id).forEach(g => inFlow.add(g));
        // A sidecar is drawn against its host: the two read as one.
        const element = model.elements.get(id);
        if (element?.hostId !== undefined) inFlow.add(element.hostId);
        element?.sidecarIds.forEach(s => inFlow.add(s));
    }
    const budget = budgets(model, flow);
    const steps = new Map<string, StepMark[]>();
    flow.steps.forEach((step, i) => {
        if (step.relationId === undefined) return;
        const mark: StepMark = { number: step.number, optional: step.optional, awaited: step.awaited, text: stepText(step), ...(budget[i] ? { budget: budget[i] } : {}) };
        steps.set(step.relationId, [...(steps.get(step.relationId) ?? []), mark]);
    });
    return { flowId: flow.id, label: flow.label, inFlow, steps };
}

/** How a step reads in a tooltip: `Step 3a: orders → pay "authorize" (optional)`. */
export function stepText(step: ModelFlowStep): string {
    const notes = [...(step.optional ? ['optional'] : []), ...(step.parallel ? ['in parallel'] : []), ...(step.awaited ? ['awaited'] : [])];
    return `Step ${step.number}: ${step.sourceId ?? '?'} ${step.arrow} ${step.targetId ?? '?'}${step.label ? ` "${step.label}"` : ''}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}
