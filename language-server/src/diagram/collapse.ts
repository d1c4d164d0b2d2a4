import type { ArchModel, ModelRelation, RelationKind } from '../model/model-types.js';
import { groupsAround } from '../model/groups-around.js';
import type { ViewSelection } from './views.js';

/**
 * Past a size, a diagram is no longer read, only waited for: ELK's time grows faster than
 * the number of elements (a 500-element architecture takes a few seconds on these
 * machines), and so does the SVG. A selection with more elements than the limit is drawn
 * collapsed: each top-level group becomes one box, and the relations between two boxes one
 * line that says how many it stands for. If that still leaves more boxes than the limit,
 * the best connected ones are drawn. The notice says so, and how to see the rest (focus, or
 * a narrower view). A focused group, what it holds and the groups around it stay open.
 */

/**
 * The most elements the preview and `archsight render` draw one by one: 500 elements, the
 * size the preview must stay fluid at, with their sidecars and control planes (see README,
 * Performance).
 */
export const DEFAULT_MAX_ELEMENTS = 600;

/** Relations between two drawn boxes, at least one of them a collapsed group, drawn as one edge. */
export interface MergedRelations {
    /** `merged:<source><arrow><target>`; never the id of a relation. */
    readonly id: string;
    readonly kind: RelationKind;
    readonly sourceId: string;
    readonly targetId: string;
    readonly relations: readonly ModelRelation[];
}

const ARROWS: Readonly<Record<RelationKind, string>> = { sync: '->', async: '~>', observe: '..>', trigger: '~>' };

/**
 * `open`: the level of detail chosen (`level-of-detail.ts`): the groups drawn open, all
 * others collapsed whatever the size. Without it, groups collapse only past `maxElements`.
 */
export function collapseGroups(model: ArchModel, selection: ViewSelection, maxElements: number, open?: ReadonlySet<string>): ViewSelection {
    if (open === undefined && selection.elementIds.size <= maxElements) return selection;
    if (open !== undefined && [...selection.groupIds].every(id => open.has(id))) return selection;
    const expanded = open ?? expandedGroups(model, selection.focus);
    const { boxOf, boxes } = boxesOf(model, selection, expanded);
    const drawnRelations = [...selection.relations, ...selection.bundles.flatMap(b => b.relations)];
    const fromGroup = open ? signalSources(model, drawnRelations, expanded, id => boxOf(hostOf(model, id))) : new Map<string, string>();
    const edges = new Map<string, { kind: RelationKind; sourceId: string; targetId: string; relations: ModelRelation[] }>();
    for (const r of drawnRelations) {
        const sourceId = fromGroup.get(r.id) ?? boxOf(hostOf(model, r.sourceId));
        const targetId = boxOf(hostOf(model, r.targetId));
        if (sourceId === targetId) continue;
        const key = `${sourceId}${ARROWS[r.kind]}${r.kind === 'trigger' ? '!' : ''}${targetId}`;
        const edge = edges.get(key) ?? { kind: r.kind, sourceId, targetId, relations: [] };
        edge.relations.push(r);
        edges.set(key, edge);
    }
    const kept = keepBestConnected(boxes, [...edges.values()], open ? Infinity : maxElements);
    const { elementIds, groupIds, collapsedIds, collapsed } = drawnBoxes(model, selection, expanded, boxOf, kept);
    const merged: MergedRelations[] = [];
    const relations: ModelRelation[] = [];
    for (const edge of edges.values()) {
        const drawn = (id: string) => kept.has(id) || (fromGroup.size > 0 && expanded.has(id));
        if (!drawn(edge.sourceId) || !drawn(edge.targetId)) continue;
        const [only] = edge.relations;
        // A single relation between two elements drawn as themselves keeps its own edge.
        if (edge.relations.length === 1 && only.sourceId === edge.sourceId && only.targetId === edge.targetId) {
            relations.push(only);
        } else {
            merged.push({ id: `merged:${edge.sourceId}${ARROWS[edge.kind]}${edge.targetId}${edge.kind === 'trigger' ? ':trigger' : ''}`, ...edge });
        }
    }
    return {
        ...selection,
        elementIds,
        groupIds,
        relations,
        bundles: [],
        collapsed,
        merged,
        notice: open ? levelNotice(selection, collapsedIds.size) : collapseNotice(selection, boxes.size, kept.size, maxElements),
        ...(open ? { labelMerged: true } : {}),
    };
}

/**
 * The boxes of a level of detail without its lines: what is drawn and what each closed
 * group holds, as `collapseGroups` gives them. Enough to judge the level on its boxes'
 * area (`drawn-area.ts`) for a fraction of the cost of merging its relations.
 */
export function levelBoxes(model: ArchModel, selection: ViewSelection, open: ReadonlySet<string>): Pick<ViewSelection, 'elementIds' | 'groupIds' | 'collapsed'> {
    if ([...selection.groupIds].every(id => open.has(id))) return selection;
    const { boxOf, boxes } = boxesOf(model, selection, open);
    return drawnBoxes(model, selection, open, boxOf, boxes);
}

/** What each drawn element or group shows as (the outermost group around it that is not expanded, or itself), and the boxes drawn. */
function boxesOf(model: ArchModel, selection: ViewSelection, expanded: ReadonlySet<string>): { boxOf: (id: string) => string; boxes: Set<string> } {
    const boxOf = (id: string): string => {
        let box = id;
        let current: string | undefined = id;
        for (let depth = 0; current !== undefined && depth <= model.groups.size + 1; depth++) {
            if (model.groups.has(current) && !expanded.has(current)) box = current;
            current = model.elements.get(current)?.groupId ?? model.groups.get(current)?.parentId;
        }
        return box;
    };
    const boxes = new Set<string>();
    for (const id of [...selection.elementIds, ...selection.groupIds]) {
        // Sidecars are drawn docked to their host: they come and go with it. Expanded groups hold boxes.
        if (model.elements.get(id)?.hostId === undefined && !expanded.has(id)) boxes.add(boxOf(id));
    }
    return { boxOf, boxes };
}

/** The elements and groups drawn when the `kept` boxes are, with the count of elements in each closed group. */
function drawnBoxes(model: ArchModel, selection: ViewSelection, expanded: ReadonlySet<string>, boxOf: (id: string) => string, kept: ReadonlySet<string>) {
    const elementIds = new Set<string>();
    const groupIds = new Set<string>();
    const counts = new Map<string, number>();
    const collapsedIds = new Set<string>();
    for (const id of selection.elementIds) {
        const box = boxOf(id);
        if (model.groups.has(box)) counts.set(box, (counts.get(box) ?? 0) + 1);
    }
    for (const id of selection.groupIds) if (expanded.has(id)) groupIds.add(id);
    for (const id of kept) {
        if (model.groups.has(id)) {
            groupIds.add(id);
            collapsedIds.add(id);
        } else {
            elementIds.add(id);
            model.elements.get(id)?.sidecarIds.forEach(s => elementIds.add(s));
        }
    }
    const collapsed = new Map([...collapsedIds].map(id => [id, counts.get(id) ?? 0]));
    return { elementIds, groupIds, collapsedIds, collapsed };
}

/**
 * At a level of detail, the signal links that members of an open group send to a box
 * outside it leave from the group's box, as one edge (as `signal-bundles.ts` draws them
 * in the overview): eight services that each send their signals to a closed observability
 * stack read as "the shop sends 24 signal links there", not as eight long lines across the
 * drawing. Only where two or more of the group's boxes send to the same box; the outermost
 * open group that does not hold the target is the one the edge leaves from.
 */
function signalSources(model: ArchModel, relations: readonly ModelRelation[], open: ReadonlySet<string>, boxOf: (id: string) => string): Map<string, string> {
    const byKey = new Map<string, { relations: ModelRelation[]; sources: Set<string> }>();
    for (const r of relations) {
        if (r.kind !== 'observe') continue;
        const target = boxOf(r.targetId);
        const targetGroups = new Set([target, ...groupsAround(model, target)]);
        const group = groupsAround(model, boxOf(r.sourceId)).filter(g => !targetGroups.has(g) && open.has(g)).pop();
        if (group === undefined) continue;
        const key = `${group}\n${target}`;
        const entry = byKey.get(key) ?? { relations: [], sources: new Set<string>() };
        entry.relations.push(r);
        entry.sources.add(boxOf(r.sourceId));
        byKey.set(key, entry);
    }
    const sourceOf = new Map<string, string>();
    for (const [key, entry] of byKey) {
        if (entry.sources.size < 2) continue;
        const group = key.slice(0, key.indexOf('\n'));
        for (const r of entry.relations) sourceOf.set(r.id, group);
    }
    return sourceOf;
}

/** The focused group, what it holds and what holds it: drawn open, whatever the size. */
function expandedGroups(model: ArchModel, focus: string | undefined): Set<string> {
    const expanded = new Set<string>();
    if (focus === undefined) return expanded;
    const open = (id: string) => {
        const group = model.groups.get(id);
        if (!group || expanded.has(id)) return;
        expanded.add(id);
        group.groupIds.forEach(open);
    };
    open(focus);
    let parent = model.elements.get(focus)?.groupId ?? model.groups.get(focus)?.parentId;
    while (parent !== undefined && !expanded.has(parent)) {
        expanded.add(parent);
        parent = model.groups.get(parent)?.parentId;
    }
    return expanded;
}

function hostOf(model: ArchModel, id: string): string {
    return model.elements.get(id)?.hostId ?? id;
}

/** All boxes when they fit; else the `max` with the most relations, in their original order. */
function keepBestConnected(boxes: ReadonlySet<string>, edges: ReadonlyArray<{ sourceId: string; targetId: string; relations: readonly unknown[] }>, max: number): Set<string> {
    if (boxes.size <= max) return new Set(boxes);
    const degree = new Map<string, number>();
    for (const e of edges) {
        degree.set(e.sourceId, (degree.get(e.sourceId) ?? 0) + e.relations.length);
        degree.set(e.targetId, (degree.get(e.targetId) ?? 0) + e.relations.length);
    }
    const order = [...boxes];
    const best = new Set([...order].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0)).slice(0, max));
    return new Set(order.filter(id => best.has(id)));
}

function collapseNotice(selection: ViewSelection, boxes: number, kept: number, max: number): string {
    const parts = [
        `This view has ${thousands(selection.elementIds.size)} elements; the preview draws at most ${max} one by one, so groups are drawn as one box each and the relations between two boxes as one line.`,
    ];
    if (kept < boxes) parts.push(`Of the ${thousands(boxes)} boxes, the ${kept} with the most relations are drawn.`);
    parts.push('Focus on a group, or choose a narrower view, to see its elements.');
    // What the view itself leaves out still holds; its signal bundles do not, they are merged too.
    if (selection.notice && selection.bundles.length === 0) parts.push(selection.notice);
    return parts.join(' ');
}

function levelNotice(selection: ViewSelection, collapsed: number): string {
    const parts = [`${collapsed} ${collapsed === 1 ? 'group is' : 'groups are'} drawn closed, with their counts and the relations between them merged, so that the diagram reads at this size. Double-click a group, or render with --expand <group> or --level full, to open it.`];
    if (selection.notice && selection.bundles.length === 0) parts.push(selection.notice);
    return parts.join(' ');
}

/** 1028 → "1,028" (`toLocaleString` loads ICU data: milliseconds on every call). */
function thousands(n: number): string {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
