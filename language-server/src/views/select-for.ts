import type { ArchModel } from '../model/model-types.js';
import type { DiagramOptions } from '../diagram/diagram-types.js';
import { selectView, type ViewSelection } from '../diagram/views.js';
import { selectNamedView } from './named-view.js';

/**
 * What a diagram draws: the view declared as `options.named` when the model has it,
 * otherwise one of the fixed filters (with focus). Unknown names fall back to the fixed
 * filter: the preview asks for a view that an edit may just have removed.
 */
export function selectFor(model: ArchModel, options: Pick<DiagramOptions, 'view' | 'focus' | 'named'>): ViewSelection {
    const declared = options.named !== undefined ? model.views.get(options.named) : undefined;
    return declared ? selectNamedView(model, declared) : selectView(model, options.view, options.focus);
}
