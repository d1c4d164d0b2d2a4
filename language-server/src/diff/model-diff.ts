import type { ArchModel } from '../model/model-types.js';
import { blastRadiusChanges } from './blast-changes.js';
import type { ItemChange, ModelDiff } from './diff-types.js';
import { findingChanges, type SideFinding } from './finding-changes.js';
import { itemChanges, type PlaceOf } from './item-changes.js';
import { matchDeclarations } from './match-declarations.js';

/** One side of a comparison: the architecture as one model, and what `check` finds in it. */
export interface DiffSide {
    /** As the user named it: a file, a folder, a git revision. */
    readonly name: string;
    readonly model: ArchModel;
    readonly findings: readonly SideFinding[];
}

/**
 * Compares two architectures: declarations matched by id (or label and place, when
 * renamed), relations by their ends, findings by fingerprint. Pure.
 */
export function diffModels(before: DiffSide, after: DiffSide, placeOf: PlaceOf): ModelDiff {
    const matching = matchDeclarations(before.model, after.model);
    const items = itemChanges(before.model, after.model, matching, placeOf);
    const { introduced, fixed } = findingChanges(before.findings, after.findings, matching.rename);
    const count = (kind: ItemChange['changes'][number]) => items.filter(i => i.changes.includes(kind)).length;
    return {
        before: before.name,
        after: after.name,
        summary: {
            added: count('added'),
            removed: count('removed'),
            renamed: count('renamed'),
            moved: count('moved'),
            changed: count('changed'),
            introducedErrors: introduced.filter(f => f.severity === 'error').length,
            introducedWarnings: introduced.filter(f => f.severity === 'warning').length,
            introduced: introduced.length,
            fixed: fixed.length,
        },
        items,
        introduced,
        fixed,
        blastRadius: blastRadiusChanges(before.model, after.model, matching),
    };
}
