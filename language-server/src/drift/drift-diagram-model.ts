import type { DiagramChange } from '../diagram/diagram-types.js';
import { NO_ANNOTATIONS } from '../model/annotations.js';
import type { ArchModel, ModelRelation } from '../model/model-types.js';
import { modelCall } from './call-drift.js';

/** A call that runs but that the model does not declare: its ends (model ids) and its arrow. */
export interface UndeclaredCall {
    readonly sourceId: string;
    readonly targetId: string;
    readonly arrow: string;
}

/** The id an undeclared call is drawn under, so it cannot meet a relation of the model. */
export function undeclaredCallId(call: UndeclaredCall): string {
    return `undeclared:${call.sourceId}${call.arrow === '~>' ? '~>' : '->'}${call.targetId}`;
}

/**
 * What the drift view draws: the model with the calls that run but are not declared put in
 * between their ends, each marked `undeclared` (dashed in the finding colour). A call whose
 * ends are no longer in the model, or that the model declares by now, is left out. The
 * diagram service draws it like any model.
 */
export function driftDiagramModel(model: ArchModel, calls: readonly UndeclaredCall[]): { model: ArchModel; changes: Record<string, DiagramChange> } {
    const changes: Record<string, DiagramChange> = {};
    const added: ModelRelation[] = [];
    for (const call of calls) {
        const source = model.elements.get(call.sourceId);
        if (!source || !model.elements.has(call.targetId) || modelCall(model, call.sourceId, call.targetId)) continue;
        const id = undeclaredCallId(call);
        if (changes[id]) continue;
        changes[id] = 'undeclared';
        added.push({
            id, kind: call.arrow === '~>' ? 'async' : 'sync', sourceId: call.sourceId, targetId: call.targetId,
            properties: {}, location: source.location, suppressions: [], ...NO_ANNOTATIONS,
            // Drawn only: there is no declaration; a click on it reveals the caller.
            node: source.node as unknown as ModelRelation['node'],
        });
    }
    if (added.length === 0) return { model, changes };
    const relations = [...model.relations, ...added];
    return {
        model: { ...model, relations, outgoing: withAdded(model.outgoing, added, r => r.sourceId), incoming: withAdded(model.incoming, added, r => r.targetId) },
        changes,
    };
}

function withAdded(index: ReadonlyMap<string, readonly ModelRelation[]>, added: readonly ModelRelation[], keyOf: (r: ModelRelation) => string): Map<string, ModelRelation[]> {
    const map = new Map<string, ModelRelation[]>([...index].map(([k, v]) => [k, [...v]]));
    for (const relation of added) map.set(keyOf(relation), [...(map.get(keyOf(relation)) ?? []), relation]);
    return map;
}
