import type { ArchModel, ModelRelation } from '../model/model-types.js';

export interface RelationPair {
    readonly before?: ModelRelation;
    readonly after?: ModelRelation;
}

/**
 * Pairs the relations of two models: the same kind between the same ends (old ends under
 * their new names), the n-th with the n-th where several link the same two elements.
 * Unpaired relations come back alone: removed (`before` only) or added (`after` only).
 */
export function matchRelations(before: ArchModel, after: ArchModel, rename: (id: string) => string): RelationPair[] {
    const keyOf = (r: ModelRelation, map: (id: string) => string) => `${r.kind} ${map(r.sourceId)} ${map(r.targetId)}`;
    const waiting = new Map<string, ModelRelation[]>();
    for (const r of before.relations) {
        const key = keyOf(r, rename);
        const list = waiting.get(key);
        if (list) list.push(r);
        else waiting.set(key, [r]);
    }
    const pairs: RelationPair[] = [];
    for (const r of after.relations) {
        const old = waiting.get(keyOf(r, id => id))?.shift();
        pairs.push(old ? { before: old, after: r } : { after: r });
    }
    for (const list of waiting.values()) for (const r of list) pairs.push({ before: r });
    return pairs;
}
