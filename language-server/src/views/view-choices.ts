import type { DiagramChoice } from '../diagram/diagram-types.js';
import type { ArchModel } from '../model/model-types.js';

/**
 * The views and flows a document declares, in the order written, for the preview's view
 * picker and "Show View…": a view's id goes to `named`, a flow's to `flow`.
 */
export function viewChoices(model: Pick<ArchModel, 'views' | 'flows'>): DiagramChoice[] {
    return [
        ...[...model.views.values()].map(view => ({ kind: 'view' as const, id: view.id, label: view.label })),
        ...[...model.flows.values()].map(flow => ({ kind: 'flow' as const, id: flow.id, label: flow.label })),
    ];
}
