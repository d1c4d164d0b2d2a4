import { ELEMENT_KINDS, isObservabilityKind } from '../model/kinds.js';
import type { ArchModel, ModelRelation, RelationKind } from '../model/model-types.js';
import type { Concern, ViewPatternSpec } from '../model/view-types.js';

/** The relation kinds each concern filter stands for (the preview's fixed filters). */
export const CONCERN_KINDS: Readonly<Record<Concern, readonly RelationKind[]>> = {
    calls: ['sync'],
    messaging: ['async', 'trigger'],
    observability: ['observe'],
};

/** What one pattern names: elements and groups by id, and relations whose ends it brings. */
export interface PatternMatch {
    readonly ids: ReadonlySet<string>;
    readonly relations: readonly ModelRelation[];
}

/** A group stands for itself and everything inside it. */
export function withContents(model: ArchModel, id: string, into: Set<string>): void {
    if (into.has(id) && model.groups.has(id)) return;
    into.add(id);
    const group = model.groups.get(id);
    if (!group) return;
    group.elementIds.forEach(e => withContents(model, e, into));
    group.groupIds.forEach(g => withContents(model, g, into));
}

export function matchPattern(model: ArchModel, pattern: ViewPatternSpec): PatternMatch {
    const ids = new Set<string>();
    let relations: ModelRelation[] = [];
    switch (pattern.type) {
        case 'all':
            model.elements.forEach((_, id) => ids.add(id));
            model.groups.forEach((_, id) => ids.add(id));
            break;
        case 'id':
        case 'members':
            withContents(model, pattern.id, ids);
            break;
        case 'outgoing':
        case 'incoming': {
            ids.add(pattern.id);
            const around = new Set<string>();
            withContents(model, pattern.id, around);
            const outgoing = pattern.type === 'outgoing';
            relations = model.relations.filter(r => around.has(outgoing ? r.sourceId : r.targetId));
            relations.forEach(r => ids.add(outgoing ? r.targetId : r.sourceId));
            break;
        }
        case 'tag':
            for (const item of [...model.elements.values(), ...model.groups.values()]) {
                if (item.tags.includes(pattern.value)) withContents(model, item.id, ids);
            }
            relations = model.relations.filter(r => r.tags.includes(pattern.value));
            relations.forEach(r => { ids.add(r.sourceId); ids.add(r.targetId); });
            break;
        case 'kind':
            for (const item of [...model.elements.values(), ...model.groups.values()]) {
                if (item.kind === pattern.value) withContents(model, item.id, ids);
            }
            break;
        case 'concern': {
            const kinds = CONCERN_KINDS[pattern.value as Concern] ?? [];
            relations = model.relations.filter(r => kinds.includes(r.kind));
            relations.forEach(r => { ids.add(r.sourceId); ids.add(r.targetId); });
            for (const element of model.elements.values()) {
                if (ownsConcern(pattern.value as Concern, element.kind)) ids.add(element.id);
            }
            break;
        }
    }
    return { ids, relations };
}

/** Elements a concern shows even when none of its relations reach them: buses for messaging, back ends for observability. */
function ownsConcern(concern: Concern, kind: keyof typeof ELEMENT_KINDS): boolean {
    if (concern === 'messaging') return ELEMENT_KINDS[kind].messaging;
    if (concern === 'observability') return isObservabilityKind(kind);
    return false;
}
