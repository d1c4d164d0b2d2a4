import type { ArchModel } from './model-types.js';

/** The groups around an element or group, innermost first (a cycle of parents ends the walk). */
export function groupsAround(model: ArchModel, id: string): string[] {
    const result: string[] = [];
    let parent = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
    while (parent !== undefined && !result.includes(parent)) {
        result.push(parent);
        parent = model.groups.get(parent)?.parentId;
    }
    return result;
}
