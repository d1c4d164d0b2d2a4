import type { ArchModel } from '../model/model-types.js';
import { groupSizes, periphery, subjectGroup } from './level-subject.js';
import { LABEL_PX } from './text-size.js';
import type { ViewSelection } from './views.js';

/**
 * Levels of detail: which groups a diagram draws open. A diagram that must be shrunk until
 * its 13 px labels are 3 px tall is not read, only squinted at; drawn with its largest
 * groups closed (a box with its counts, the relations between boxes merged) it reads when
 * it opens, and a group opens on request (`--expand`, a double-click in the preview).
 */

export { LABEL_PX, MIN_TEXT_PX } from './text-size.js';

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
 * The levels to try, most detailed first. First the view's subject (`level-subject.ts`)
 * is kept open while the rest closes, one group at a time: the periphery first (a stack,
 * a boundary, then groups by their share of data, platform and observability elements),
 * then the groups nested in the subject, the most deeply nested first. When the subject cannot read
 * even so, the levels go on as if it had no subject: everything open again, then groups
 * closed from the most deeply nested and, among groups as deep, the one that holds the
 * most drawn elements first (closing it saves the most room). Groups that `expand` opens,
 * and the groups around them, stay open; a level is tried once. With `keepSubject` (a
 * drawing that can be zoomed, the preview) the levels stop before the subject closes: the
 * preview opens a subject that does not read fitted at the zoom where it reads. (Keeping
 * also the later levels that leave the subject open was tried: when none reads, the level
 * drawn as the last resort is then a nearly open one, 3.6 px instead of 4.1 on the mesh.)
 */
export function candidateLevels(model: ArchModel, selection: ViewSelection, expand: readonly string[] = [], hint?: string, keepSubject = false): Set<string>[] {
    const keep = expandedWithParents(model, expand);
    const size = groupSizes(model, selection);
    const depth = new Map([...size.keys()].map(id => [id, groupDepth(model, id)]));
    const outer = new Map([...size.keys()].map(id => [id, periphery(model, selection, id)]));
    const closable = [...size.keys()].filter(id => !keep.has(id) && selection.groupIds.has(id));
    const subject = subjectGroup(model, selection, hint);
    const levels: Set<string>[] = [];
    const seen = new Set<string>();
    const closeInTurn = (order: readonly string[]) => {
        const open = new Set(selection.groupIds);
        const add = () => {
            const key = [...open].sort().join(' ');
            if (!seen.has(key)) levels.push(new Set(open));
            seen.add(key);
        };
        add();
        for (const group of order) {
            if (!open.has(group)) continue;
            for (const id of [...open]) if (id === group || isWithin(model, id, group)) open.delete(id);
            add();
        }
    };
    if (subject !== undefined) {
        const aroundSubject = (id: string) => id === subject || isWithin(model, subject, id);
        const periphery = closable.filter(id => !aroundSubject(id) && !isWithin(model, id, subject))
            .sort((a, b) => outer.get(b)! - outer.get(a)! || depth.get(b)! - depth.get(a)! || size.get(b)! - size.get(a)!);
        const inner = closable.filter(id => isWithin(model, id, subject))
            .sort((a, b) => depth.get(b)! - depth.get(a)! || size.get(b)! - size.get(a)!);
        closeInTurn([...periphery, ...inner]);
        // The last of these is the most closed with the subject open: what the preview opens when none reads fitted.
        if (keepSubject) return levels;
    }
    closeInTurn([...closable].sort((a, b) => depth.get(b)! - depth.get(a)! || size.get(b)! - size.get(a)! || outer.get(b)! - outer.get(a)!));
    return levels;
}

function isWithin(model: ArchModel, groupId: string, ancestorId: string): boolean {
    let depth = 0;
    for (let parent = model.groups.get(groupId)?.parentId; parent !== undefined && depth++ <= model.groups.size; parent = model.groups.get(parent)?.parentId) {
        if (parent === ancestorId) return true;
    }
    return false;
}
