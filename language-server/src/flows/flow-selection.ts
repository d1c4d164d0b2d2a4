import type { ArchModel, ModelRelation } from '../model/model-types.js';
import type { ModelFlow, ViewPatternSpec } from '../model/view-types.js';
import { isUndrawable, withWhatIsDrawnAlong, type ViewSelection } from '../diagram/views.js';
import { selectNamedView } from '../views/named-view.js';
import { groupsAround } from '../model/groups-around.js';

/**
 * What a flow drawn on the architecture diagram shows: the elements its steps pass through
 * and their neighbours (as a view `include x->*, *->x` for each of them would), or, with a
 * declared view, what that view draws; the steps' own relations and ends are always in.
 */
export function selectFlow(model: ArchModel, flow: ModelFlow, base?: ViewSelection): ViewSelection {
    const selection = base ?? withoutSignals(model, flow, selectNamedView(model, neighbourhoodView(model, flow)));
    const relations = [...selection.relations];
    const elementIds = new Set(selection.elementIds);
    const groupIds = new Set(selection.groupIds);
    const drawn = new Set(relations);
    for (const relation of flowRelations(model, flow)) {
        // A relation between a group and its own member, or a service and its sidecar, has no line to draw.
        if (isUndrawable(model, relation)) continue;
        if (!drawn.has(relation)) {
            drawn.add(relation);
            relations.push(relation);
        }
        for (const id of [relation.sourceId, relation.targetId]) (model.groups.has(id) ? groupIds : elementIds).add(id);
    }
    withWhatIsDrawnAlong(model, elementIds, groupIds);
    // A signal link that a step takes is drawn as itself, not in its group's bundle.
    const bundles = selection.bundles
        .map(b => ({ ...b, relations: b.relations.filter(r => !drawn.has(r)) }))
        .filter(b => b.relations.length > 0);
    const notice = base ? selection.notice : `Flow '${flow.label}': ${plural(flow.steps.length, 'step')} through ${plural(flowParticipants(flow).length, 'element')}, drawn with their neighbours.`;
    return { ...selection, elementIds, groupIds, relations, bundles, ...(notice ? { notice } : {}) };
}

/** The relations the flow's steps take, once each, in step order. */
export function flowRelations(model: ArchModel, flow: ModelFlow): ModelRelation[] {
    const byId = new Map(model.relations.map(r => [r.id, r]));
    const seen = new Set<string>();
    const relations: ModelRelation[] = [];
    for (const step of flow.steps) {
        const relation = step.relationId !== undefined ? byId.get(step.relationId) : undefined;
        if (relation && !seen.has(relation.id)) {
            seen.add(relation.id);
            relations.push(relation);
        }
    }
    return relations;
}

/** The elements the flow's steps pass through, in order of first appearance. */
export function flowParticipants(flow: ModelFlow): string[] {
    const ids: string[] = [];
    for (const step of flow.steps) {
        for (const id of [step.sourceId, step.targetId]) if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    return ids;
}

/** The groups around the flow's participants: drawn open, so that no step hides in a closed group. */
export function flowGroups(model: ArchModel, flow: ModelFlow): string[] {
    return [...new Set(flowParticipants(flow).flatMap(id => (model.groups.has(id) ? [id] : groupsAround(model, id).slice(0, 1))))];
}

/**
 * The neighbours a flow is drawn among are those it could call or be called by: signal
 * links to metrics, logs and traces back ends would crowd the request out (unless a step takes one).
 */
function withoutSignals(model: ArchModel, flow: ModelFlow, selection: ViewSelection): ViewSelection {
    const taken = new Set(flowRelations(model, flow));
    const relations = selection.relations.filter(r => r.kind !== 'observe' || taken.has(r));
    const keep = new Set(flowParticipants(flow));
    relations.forEach(r => { keep.add(r.sourceId); keep.add(r.targetId); });
    const elementIds = new Set([...keep].filter(id => model.elements.has(id)));
    const groupIds = new Set([...keep].filter(id => model.groups.has(id)));
    withWhatIsDrawnAlong(model, elementIds, groupIds);
    return { ...selection, elementIds, groupIds, relations };
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function neighbourhoodView(model: ArchModel, flow: ModelFlow) {
    const includes: ViewPatternSpec[] = flowParticipants(flow)
        .filter(id => model.elements.has(id) || model.groups.has(id))
        .flatMap(id => [{ type: 'outgoing', id, node: undefined! }, { type: 'incoming', id, node: undefined! }] as const);
    return { id: flow.id, label: flow.label, includes, excludes: [], location: flow.location, node: undefined! };
}
