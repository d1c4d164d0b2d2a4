import type { ArchModel, ModelElement, ModelGroup, ModelRelation, SourceLocation } from '../model/model-types.js';
import type { ChangeKind, DiffPlace, ItemChange, PropertyChange } from './diff-types.js';
import type { Matching } from './match-declarations.js';
import { matchRelations } from './match-relations.js';
import { elementChanges, groupChanges, relationChanges } from './property-changes.js';

/** Turns a source location into a place to print (the CLI makes paths relative to its folder). */
export type PlaceOf = (location: SourceLocation) => DiffPlace;

/** The added, removed, renamed, moved and changed elements, groups and relations, in that order of types. */
export function itemChanges(before: ArchModel, after: ArchModel, matching: Matching, placeOf: PlaceOf): ItemChange[] {
    return [
        ...declarationChanges('element', before.elements, after.elements, matching.elements, matching, placeOf),
        ...declarationChanges('group', before.groups, after.groups, matching.groups, matching, placeOf),
        ...relationItemChanges(before, after, matching, placeOf),
    ];
}

type Declaration = ModelElement | ModelGroup;

function declarationChanges<T extends Declaration>(
    type: 'element' | 'group', before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>,
    matched: ReadonlyMap<string, string>, matching: Matching, placeOf: PlaceOf,
): ItemChange[] {
    const result: ItemChange[] = [];
    const oldIdOf = new Map([...matched].map(([oldId, newId]) => [newId, oldId]));
    for (const item of after.values()) {
        const oldId = oldIdOf.get(item.id);
        const old = oldId === undefined ? undefined : before.get(oldId);
        if (!old) {
            result.push(entry(type, item, ['added'], [], placeOf));
            continue;
        }
        const properties: PropertyChange[] = type === 'element'
            ? elementChanges(old as ModelElement, item as ModelElement, matching.rename)
            : groupChanges(old as ModelGroup, item as ModelGroup);
        const groupBefore = mapGroup(parentOf(old), matching);
        const groupAfter = parentOf(item);
        const changes: ChangeKind[] = [];
        if (old.id !== item.id) changes.push('renamed');
        if (groupBefore !== groupAfter) changes.push('moved');
        if (properties.length > 0) changes.push('changed');
        if (changes.length === 0) continue;
        result.push({
            ...entry(type, item, changes, properties, placeOf),
            ...(old.id !== item.id ? { oldId: old.id } : {}),
            ...(groupBefore !== groupAfter ? { groupBefore, groupAfter } : {}),
        });
    }
    for (const item of before.values()) {
        if (!matched.has(item.id)) result.push(entry(type, item, ['removed'], [], placeOf));
    }
    return result;
}

function relationItemChanges(before: ArchModel, after: ArchModel, matching: Matching, placeOf: PlaceOf): ItemChange[] {
    const result: ItemChange[] = [];
    for (const pair of matchRelations(before, after, matching.rename)) {
        if (!pair.before) {
            result.push(relationEntry(pair.after!, ['added'], [], placeOf));
        } else if (!pair.after) {
            result.push(relationEntry(pair.before, ['removed'], [], placeOf));
        } else {
            const properties = relationChanges(pair.before, pair.after);
            if (properties.length > 0) result.push(relationEntry(pair.after, ['changed'], properties, placeOf));
        }
    }
    return result;
}

function entry(type: 'element' | 'group', item: Declaration, changes: ChangeKind[], properties: PropertyChange[], placeOf: PlaceOf): ItemChange {
    return { type, id: item.id, changes, kind: item.kind, label: item.label, properties, place: placeOf(item.location) };
}

const ARROWS = { sync: '->', async: '~>', observe: '..>', trigger: '~>' } as const;

function relationEntry(relation: ModelRelation, changes: ChangeKind[], properties: PropertyChange[], placeOf: PlaceOf): ItemChange {
    const text = [relation.protocol, relation.label].filter(Boolean).join(' ');
    const label = `${relation.sourceId} ${ARROWS[relation.kind]} ${relation.targetId}${text ? ` : ${text}` : ''}`;
    return { type: 'relation', id: relation.id, changes, kind: relation.kind, label, properties, place: placeOf(relation.location) };
}

function parentOf(item: Declaration): string | undefined {
    return 'parentId' in item ? item.parentId : (item as ModelElement).groupId;
}

function mapGroup(id: string | undefined, matching: Matching): string | undefined {
    return id === undefined ? undefined : matching.groups.get(id) ?? id;
}
