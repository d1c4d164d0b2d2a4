import { blastRadius } from '../analysis/blast-radius.js';
import type { ArchModel } from '../model/model-types.js';
import type { BlastRadiusChange } from './diff-types.js';
import type { Matching } from './match-declarations.js';

/**
 * What the change does to blast radii: for each element of the new model, what fails with
 * it now against what failed with it before (old ids under their new names). New elements
 * count from nothing; elements whose radius stays the same are left out. Largest growth first.
 */
export function blastRadiusChanges(before: ArchModel, after: ArchModel, matching: Matching): BlastRadiusChange[] {
    const oldIdOf = new Map([...matching.elements].map(([oldId, newId]) => [newId, oldId]));
    const changes: BlastRadiusChange[] = [];
    for (const id of after.elements.keys()) {
        const now = blastRadius(after, id);
        const oldId = oldIdOf.get(id);
        const then = oldId === undefined ? [] : blastRadius(before, oldId).map(matching.rename);
        const thenSet = new Set(then);
        const nowSet = new Set(now);
        const joined = now.filter(x => !thenSet.has(x));
        const left = then.filter(x => !nowSet.has(x));
        if (joined.length === 0 && left.length === 0) continue;
        changes.push({ id, before: then.length, after: now.length, joined, left });
    }
    return changes.sort((a, b) => (b.after - b.before) - (a.after - a.before) || a.id.localeCompare(b.id));
}
