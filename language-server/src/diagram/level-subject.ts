import { ELEMENT_KINDS } from '../model/kinds.js';
import { groupsAround } from '../model/groups-around.js';
import type { ArchModel } from '../model/model-types.js';
import type { ViewSelection } from './views.js';

/**
 * What a view is about, so that a level of detail closes the periphery before it: the
 * group that the view's subject lives in is kept open as long as the labels can read,
 * and an observability stack, a boundary of outside systems or a platform closes first.
 */

/** The drawn elements (sidecars come with their host) in each group, however deeply nested. */
export function groupSizes(model: ArchModel, selection: ViewSelection): Map<string, number> {
    const size = new Map<string, number>();
    for (const id of selection.elementIds) {
        const element = model.elements.get(id);
        if (!element || element.hostId !== undefined) continue;
        for (const group of groupsAround(model, id)) size.set(group, (size.get(group) ?? 0) + 1);
    }
    return size;
}

/**
 * The group the view is about: the innermost group around `hint` (an element or group the
 * user is at) when it is drawn; else, of the groups with a workload in them (a service,
 * function, gateway, bus…) that are not a stack, a boundary or a control plane, the one
 * most relations touch (the ESB's layer, the shop), of two as connected the one with more
 * workloads. Undefined when no group qualifies.
 */
export function subjectGroup(model: ArchModel, selection: ViewSelection, hint?: string): string | undefined {
    if (hint !== undefined) {
        const around = model.groups.has(hint) ? [hint, ...groupsAround(model, hint)] : groupsAround(model, hint);
        const drawn = around.find(id => selection.groupIds.has(id));
        if (drawn !== undefined) return drawn;
    }
    const workloads = new Map<string, number>();
    const touching = new Map<string, number>();
    for (const id of selection.elementIds) {
        const element = model.elements.get(id);
        if (!element || element.hostId !== undefined) continue;
        const kind = ELEMENT_KINDS[element.kind];
        const isWorkload = (kind.workload || kind.messaging || kind.tier === 'edge') && kind.tier !== 'observability';
        for (const group of groupsAround(model, id)) if (isWorkload) workloads.set(group, (workloads.get(group) ?? 0) + 1);
    }
    for (const r of selection.relations) {
        for (const group of new Set([...groupsAround(model, r.sourceId), ...groupsAround(model, r.targetId)])) touching.set(group, (touching.get(group) ?? 0) + 1);
    }
    const core = [...selection.groupIds].filter(id => {
        const kind = model.groups.get(id)?.kind;
        return kind !== 'stack' && kind !== 'boundary' && kind !== 'control-plane' && (workloads.get(id) ?? 0) > 0;
    });
    core.sort((a, b) => (touching.get(b) ?? 0) - (touching.get(a) ?? 0) || (workloads.get(b) ?? 0) - (workloads.get(a) ?? 0));
    return core[0];
}

/**
 * How far a group is from the core of the architecture, 0 to 2: its share of
 * observability and data elements, plus one for a stack or a boundary.
 */
export function periphery(model: ArchModel, selection: ViewSelection, groupId: string): number {
    const kind = model.groups.get(groupId)?.kind;
    let total = 0;
    let outer = 0;
    for (const id of selection.elementIds) {
        const element = model.elements.get(id);
        if (!element || element.hostId !== undefined || !groupsAround(model, id).includes(groupId)) continue;
        total++;
        const tier = ELEMENT_KINDS[element.kind].tier;
        if (tier === 'observability' || tier === 'data' || tier === 'platform') outer++;
    }
    return (total > 0 ? outer / total : 0) + (kind === 'stack' || kind === 'boundary' ? 1 : 0);
}
