import { ELEMENT_KINDS } from '../model/kinds.js';
import type { ArchModel } from '../model/model-types.js';
import type { ViewSelection } from './views.js';

/**
 * Levels of detail: which groups a diagram draws open. A diagram that must be shrunk until
 * its 13 px labels are 3 px tall is not read, only squinted at; drawn with its largest
 * groups closed (a box with its counts, the relations between boxes merged) it reads when
 * it opens, and a group opens on request (`--expand`, a double-click in the preview).
 */

/** The text size, in CSS pixels at the zoom the view opens with, below which a label is not read. */
export const MIN_TEXT_PX = 9;
/** The size the diagram's labels are drawn at (`base.css`, `.label`). */
export const LABEL_PX = 13;

export interface Pane {
    readonly width: number;
    readonly height: number;
}

/** The zoom that fits a drawing into a pane, never enlarging it. */
export function fitZoom(width: number, height: number, pane: Pane): number {
    if (width <= 0 || height <= 0) return 1;
    return Math.min(pane.width / width, pane.height / height, 1);
}

/** The size labels are seen at when a drawing of this size opens fitted into the pane. */
export function textPxAtFit(width: number, height: number, pane: Pane): number {
    return LABEL_PX * fitZoom(width, height, pane);
}

/** How deep a group is nested: 0 for a group at the top level. */
export function groupDepth(model: ArchModel, groupId: string): number {
    let depth = 0;
    for (let parent = model.groups.get(groupId)?.parentId; parent !== undefined && depth <= model.groups.size; parent = model.groups.get(parent)?.parentId) depth++;
    return depth;
}

/** The groups `expand` names and the groups around them: they are drawn open whatever the level. */
export function expandedWithParents(model: ArchModel, expand: readonly string[]): Set<string> {
    const open = new Set<string>();
    for (const id of expand) {
        let current: string | undefined = model.groups.has(id) ? id : model.elements.get(id)?.groupId;
        while (current !== undefined && !open.has(current)) {
            open.add(current);
            current = model.groups.get(current)?.parentId;
        }
    }
    return open;
}

/** Level `n`: the groups nested less than `n` deep are open (0: every group closed), and those `expand` opens. */
export function openAtLevel(model: ArchModel, selection: ViewSelection, level: number, expand: readonly string[] = []): Set<string> {
    const open = expandedWithParents(model, expand);
    for (const id of selection.groupIds) if (groupDepth(model, id) < level) open.add(id);
    return open;
}

/**
 * The levels to try, most detailed first: everything open; then groups closed one at a
 * time, the most deeply nested first (a monolith keeps its box while its layers close)
 * and, among groups as deep, the one that holds the most drawn elements first (closing it
 * saves the most room). Groups that `expand` opens, and the groups around them, stay open.
 */
export function candidateLevels(model: ArchModel, selection: ViewSelection, expand: readonly string[] = []): Set<string>[] {
    const keep = expandedWithParents(model, expand);
    const open = new Set(selection.groupIds);
    const candidates = [new Set(open)];
    const size = new Map<string, number>();
    for (const id of selection.elementIds) {
        const element = model.elements.get(id);
        if (!element || element.hostId !== undefined) continue;
        for (let group = element.groupId; group !== undefined; group = model.groups.get(group)?.parentId) {
            size.set(group, (size.get(group) ?? 0) + 1);
            if (size.size > model.groups.size) break;
        }
    }
    const depth = new Map([...size.keys()].map(id => [id, groupDepth(model, id)]));
    const edge = new Map([...size.keys()].map(id => [id, periphery(model, selection, id)]));
    const closable = [...size.keys()]
        .filter(id => !keep.has(id) && open.has(id))
        .sort((a, b) => depth.get(b)! - depth.get(a)! || size.get(b)! - size.get(a)! || edge.get(b)! - edge.get(a)!);
    for (const group of closable) {
        if (!open.has(group)) continue;
        for (const id of [...open]) if (id === group || isWithin(model, id, group)) open.delete(id);
        candidates.push(new Set(open));
    }
    return candidates;
}

/**
 * How far a group is from the core of the architecture, 0 to 2 (its share of
 * observability and data elements, plus one for a stack or a boundary): of two groups as
 * large, the one further out closes first. (Closing the periphery before larger groups was
 * tried: it rarely frees enough room, and the samples ended with every group closed.)
 */
function periphery(model: ArchModel, selection: ViewSelection, groupId: string): number {
    const kind = model.groups.get(groupId)?.kind;
    let total = 0;
    let outer = 0;
    for (const id of selection.elementIds) {
        const element = model.elements.get(id);
        if (!element || element.hostId !== undefined || (element.groupId !== groupId && !isWithin(model, element.groupId ?? '', groupId))) continue;
        total++;
        const tier = ELEMENT_KINDS[element.kind].tier;
        if (tier === 'observability' || tier === 'data') outer++;
    }
    return (total > 0 ? outer / total : 0) + (kind === 'stack' || kind === 'boundary' ? 1 : 0);
}

function isWithin(model: ArchModel, groupId: string, ancestorId: string): boolean {
    let depth = 0;
    for (let parent = model.groups.get(groupId)?.parentId; parent !== undefined && depth++ <= model.groups.size; parent = model.groups.get(parent)?.parentId) {
        if (parent === ancestorId) return true;
    }
    return false;
}
