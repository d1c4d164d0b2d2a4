import type { ArchModel } from '../../model/model-types.js';

/** An id that no element or group uses yet: `base`, else `base2`, `base3`… */
export function freshId(model: ArchModel, base: string, taken: ReadonlySet<string> = new Set()): string {
    const used = (id: string) => model.elements.has(id) || model.groups.has(id) || taken.has(id);
    if (!used(base)) return base;
    for (let n = 2; ; n++) if (!used(`${base}${n}`)) return `${base}${n}`;
}
