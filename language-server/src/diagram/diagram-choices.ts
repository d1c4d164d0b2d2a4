import type { ArchModel } from '../model/model-types.js';
import type { DiagramChoice } from './diagram-types.js';

/** The views and flows a document declares, in the order written, for the preview's picker. */
export function choicesOf(model: ArchModel): DiagramChoice[] {
    return [
        ...[...model.views.values()].map(v => ({ kind: 'view' as const, id: v.id, label: v.label })),
        ...[...model.flows.values()].map(f => ({ kind: 'flow' as const, id: f.id, label: f.label })),
    ];
}
