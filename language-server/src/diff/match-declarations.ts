import type { ArchModel, ModelElement, ModelGroup } from '../model/model-types.js';

/**
 * Which declaration of the old model is which of the new one. By id first; an old
 * declaration whose id is gone and a new one whose id is new are the same thing renamed
 * when they have the same kind and the same label (a label written in both), or else the
 * same kind, technology and place: the same group and the same neighbours.
 */
export interface Matching {
    /** Old id → new id, for every element that is in both models. */
    readonly elements: ReadonlyMap<string, string>;
    readonly groups: ReadonlyMap<string, string>;
    /** An old id under its new name (itself when it was not renamed). */
    rename(oldId: string): string;
}

export function matchDeclarations(before: ArchModel, after: ArchModel): Matching {
    const groups = matchById(before.groups, after.groups);
    matchByLabel(before.groups, after.groups, groups);
    const elements = matchById(before.elements, after.elements);
    matchByLabel(before.elements, after.elements, elements);
    const rename = (id: string) => elements.get(id) ?? groups.get(id) ?? id;
    matchByPlace(before, after, elements, groups, rename);
    return { elements, groups, rename };
}

type Declaration = ModelElement | ModelGroup;

function matchById<T extends Declaration>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): Map<string, string> {
    const matched = new Map<string, string>();
    for (const id of before.keys()) if (after.has(id)) matched.set(id, id);
    return matched;
}

/** Pairs the unmatched declarations that share a key, where the key is unique on both sides. */
function pairBy<T extends Declaration>(
    before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, matched: Map<string, string>, keyOf: (d: T, side: 'before' | 'after') => string | undefined,
): void {
    const taken = new Set(matched.values());
    const unique = (items: Iterable<T>, side: 'before' | 'after') => {
        const byKey = new Map<string, T | null>();
        for (const d of items) {
            const key = keyOf(d, side);
            if (key !== undefined) byKey.set(key, byKey.has(key) ? null : d);
        }
        return byKey;
    };
    const olds = unique([...before.values()].filter(d => !matched.has(d.id)), 'before');
    const news = unique([...after.values()].filter(d => !taken.has(d.id) && !before.has(d.id)), 'after');
    for (const [key, old] of olds) {
        const found = news.get(key);
        if (old && found) matched.set(old.id, found.id);
    }
}

function matchByLabel<T extends Declaration>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, matched: Map<string, string>): void {
    // A declaration without a label shows its id as label: that says nothing about a rename.
    pairBy(before, after, matched, d => (d.label !== d.id ? `${d.kind}\n${d.label}` : undefined));
}

function matchByPlace(before: ArchModel, after: ArchModel, elements: Map<string, string>, groups: Map<string, string>, rename: (id: string) => string): void {
    const neighbours = (model: ArchModel, id: string, map: (id: string) => string) => {
        const ends = [
            ...(model.outgoing.get(id) ?? []).map(r => `>${r.kind}:${map(r.targetId)}`),
            ...(model.incoming.get(id) ?? []).map(r => `<${r.kind}:${map(r.sourceId)}`),
        ];
        return ends.sort().join(' ');
    };
    const same = (id: string) => id;
    pairBy(before.elements, after.elements, elements, (e, side) => {
        const model = side === 'before' ? before : after;
        const map = side === 'before' ? rename : same;
        const ends = neighbours(model, e.id, map);
        if (ends.length === 0) return undefined;
        const group = e.groupId === undefined ? '' : side === 'before' ? (groups.get(e.groupId) ?? e.groupId) : e.groupId;
        return [e.kind, e.technology ?? '', group, ends].join('\n');
    });
}
