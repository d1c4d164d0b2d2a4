import { flowParticipants } from '../flows/flow-selection.js';
import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow } from '../model/view-types.js';
import type { LaidOutDiagram } from './graph-types.js';
import { subjectGroup } from './level-subject.js';
import type { ViewSelection } from './views.js';

/**
 * Where a viewer that cannot show a whole drawing at a readable zoom opens it
 * (`DiagramResult.subject`): the element or group the user is at when it is drawn, else
 * a flow's first participant (where the flow starts), else the group the view is about
 * (`level-subject.ts`).
 * Only a drawn node qualifies (an element inside a closed group is not one).
 */
export function drawnSubject(model: ArchModel, selection: ViewSelection, laidOut: LaidOutDiagram, hint?: string, flow?: ModelFlow): string | undefined {
    const drawn = new Set(laidOut.nodes.map(node => node.spec.id));
    const candidates = [hint, ...(flow ? flowParticipants(flow).slice(0, 1) : []), subjectGroup(model, selection, hint)];
    return candidates.find((id): id is string => id !== undefined && drawn.has(id));
}
