import type { DiagramChange } from '../diagram/diagram-types.js';
import type { ArchModel, ModelElement, ModelGroup, ModelRelation } from '../model/model-types.js';
import type { ModelDiff } from './diff-types.js';

/** The id a removed relation is drawn under, so it cannot meet a relation of the new model. */
export function removedRelationId(id: string): string {
    return `removed:${id}`;
}

/**
 * What the diff diagram draws: the new model, with what the change removed put back
 * where it was (in its old group, when that group is still there), and the change of
 * every item to mark. The diagram service draws it like any model.
 */
export function diffDiagramModel(before: ArchModel, after: ArchModel, diff: ModelDiff): { model: ArchModel; changes: Record<string, DiagramChange> } {
    const changes: Record<string, DiagramChange> = {};
    const renamed = new Map(diff.items.filter(i => i.oldId !== undefined).map(i => [i.oldId!, i.id]));
    const rename = (id: string) => renamed.get(id) ?? id;
    const elements = new Map<string, ModelElement>(after.elements);
    const groups = new Map<string, ModelGroup>(after.groups);
    const rootGroupIds = [...after.rootGroupIds];
    const relations: ModelRelation[] = [...after.relations];
    const taken = (id: string) => elements.has(id) || groups.has(id);
    const removed = diff.items.filter(i => i.changes.includes('removed'));

    // Groups first, outermost first (source order), so a removed member finds its removed group.
    for (const item of removed.filter(i => i.type === 'group')) {
        const old = before.groups.get(item.id);
        if (!old || taken(old.id)) continue;
        const parentId = old.parentId === undefined ? undefined : rename(old.parentId);
        const parent = parentId === undefined ? undefined : groups.get(parentId);
        groups.set(old.id, { ...old, parentId: parent?.id, elementIds: [], groupIds: [] });
        if (parent) groups.set(parent.id, { ...parent, groupIds: [...parent.groupIds, old.id] });
        else rootGroupIds.push(old.id);
        changes[old.id] = 'removed';
    }
    for (const item of removed.filter(i => i.type === 'element')) {
        const old = before.elements.get(item.id);
        if (!old || taken(old.id)) continue;
        const groupId = old.groupId === undefined ? undefined : rename(old.groupId);
        const group = groupId === undefined ? undefined : groups.get(groupId);
        const hostId = old.hostId === undefined ? undefined : rename(old.hostId);
        elements.set(old.id, { ...old, groupId: group?.id, hostId: undefined, sidecarIds: [] });
        if (group) groups.set(group.id, { ...group, elementIds: [...group.elementIds, old.id] });
        changes[old.id] = 'removed';
        if (hostId !== undefined) attach(elements, old.id, hostId);
    }
    for (const item of removed.filter(i => i.type === 'relation')) {
        const old = before.relations.find(r => r.id === item.id);
        if (!old) continue;
        const sourceId = rename(old.sourceId);
        const targetId = rename(old.targetId);
        if (!taken(sourceId) || !taken(targetId)) continue;
        const id = removedRelationId(old.id);
        relations.push({ ...old, id, sourceId, targetId });
        changes[id] = 'removed';
    }
    for (const item of diff.items) {
        if (item.changes.includes('removed')) continue;
        changes[item.id] = item.changes.includes('added') ? 'added' : 'changed';
    }
    const model: ArchModel = {
        ...after, elements, groups, rootGroupIds, relations,
        outgoing: indexBy(relations, r => r.sourceId),
        incoming: indexBy(relations, r => r.targetId),
    };
    return { model, changes };
}

/** Docks a removed sidecar to its host again (the host's list is copied, not changed). */
function attach(elements: Map<string, ModelElement>, sidecarId: string, hostId: string): void {
    const host = elements.get(hostId);
    const sidecar = elements.get(sidecarId);
    if (!host || !sidecar || host.hostId !== undefined) return;
    elements.set(hostId, { ...host, sidecarIds: [...host.sidecarIds, sidecarId] });
    elements.set(sidecarId, { ...sidecar, hostId, groupId: host.groupId });
}

function indexBy(relations: readonly ModelRelation[], keyOf: (r: ModelRelation) => string): Map<string, ModelRelation[]> {
    const map = new Map<string, ModelRelation[]>();
    for (const r of relations) {
        const list = map.get(keyOf(r));
        if (list) list.push(r);
        else map.set(keyOf(r), [r]);
    }
    return map;
}
