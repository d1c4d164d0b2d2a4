import type { ArchModel, ModelElement } from '../model/model-types.js';
import { collapsedGroupSize, drawnOnItsOwn, groupMembers, groupTitles, topElements } from './elk-graph.js';
import { elementSize, elementText } from './node-content.js';
import type { ViewSelection } from './views.js';

/**
 * The area of the boxes a selection draws (its elements and closed groups), as they add up
 * in its graph, without building the graph or the selection's lines: what a level
 * of detail needs to be judged (`level-estimate.ts`). Most levels are skipped on it, and
 * working them out took as much of the main thread as parsing the file while ELK ran its
 * first layout beside it. It walks the boxes as `drawingBoxes` places them (with the
 * boxes of `levelBoxes`, without the lines `collapseGroups` merges);
 * `test/diagram/drawn-area.test.ts` checks both agree on every level of the samples.
 */
export function drawnArea(model: ArchModel, selection: Pick<ViewSelection, 'elementIds' | 'groupIds' | 'collapsed'>): number {
    const counted = new Set<string>();
    let area = 0;
    const add = (element: ModelElement) => {
        if (counted.has(element.id)) return;
        counted.add(element.id);
        area += elementArea(element);
    };
    const shown = (id: string) => selection.elementIds.has(id);
    const element = (e: ModelElement): void => {
        // In the order the graph takes them (the host, its parts, then its sidecars): the sum is the same to the last bit.
        add(e);
        for (const id of e.partIds) if (shown(id)) element(model.elements.get(id)!);
        for (const id of e.sidecarIds) if (shown(id)) add(model.elements.get(id)!);
    };
    const children = (elements: readonly ModelElement[], groupIds: readonly string[]): void => {
        for (const e of elements) if (drawnOnItsOwn(selection, e)) element(e);
        for (const id of groupIds) {
            if (!selection.groupIds.has(id)) continue;
            const group = model.groups.get(id)!;
            const count = selection.collapsed?.get(id);
            if (count !== undefined) {
                const { width, height } = collapsedGroupSize(groupTitles(group), count);
                area += width * height;
                continue;
            }
            children(groupMembers(model, group), group.groupIds);
        }
    };
    children(topElements(model), model.rootGroupIds);
    return area;
}

/** Each element's box area, worked out once: it is the same at every level (a model's elements are its own objects). */
const areas = new WeakMap<ModelElement, number>();

function elementArea(element: ModelElement): number {
    let area = areas.get(element);
    if (area === undefined) {
        const { width, height } = elementSize(element.kind, elementText(element.kind, element.label, element.technology));
        areas.set(element, area = width * height);
    }
    return area;
}
