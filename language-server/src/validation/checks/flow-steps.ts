import type { CheckContext } from '../check-context.js';

/** The code of a step that no relation of the model carries; the quick fix adds the relation (`lsp/flow-step-fix.ts`). */
export const MISSING_STEP_RELATION = 'flow-step-relation';

/**
 * Each step of a flow must be a relation the model has, with the same arrow: a flow
 * tells how a request travels the architecture, not a second architecture.
 */
export function checkFlowSteps({ model, report }: CheckContext): void {
    for (const flow of model.flows.values()) {
        if (flow.steps.length === 0) {
            report('warning', `Flow '${flow.id}' has no steps.`, 'empty-flow', { uri: flow.location.uri, node: flow.node, property: 'name' });
        }
        for (const step of flow.steps) {
            if (step.relationId !== undefined || step.sourceId === undefined || step.targetId === undefined) continue;
            const other = (model.outgoing.get(step.sourceId) ?? []).find(r => r.targetId === step.targetId);
            const written = `${step.sourceId} ${step.arrow} ${step.targetId}`;
            const hint = other ? ` The model has '${step.sourceId} ${arrowOf(other.kind)} ${step.targetId}'; write the step with that arrow, or add the relation.` : ' Add the relation to the model, or correct the step.';
            report('error', `Step ${step.number} of flow '${flow.id}', '${written}', is not a relation of the model.${hint}`, MISSING_STEP_RELATION, { uri: step.location.uri, node: step.node, property: 'arrow' });
        }
    }
}

function arrowOf(kind: string): string {
    return kind === 'sync' ? '->' : kind === 'observe' ? '..>' : '~>';
}
