/**
 * What `archsight diff` reports: the changes between two semantic models, the findings
 * the change introduces and fixes, and what it does to blast radii. Plain JSON, so the
 * CLI prints it as is (`--format json`) and the extension can import it as types.
 */

export type ItemType = 'element' | 'group' | 'relation';

/** How an item changed; a renamed or moved item may also have changed properties. */
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'moved' | 'changed';

/** Where an item is written: a file (relative to the working folder) and a 1-based line. */
export interface DiffPlace {
    readonly file: string;
    readonly line: number;
    /** The document's URI, for the editor; empty where there is no such document (a removed item of a git revision in the compare view). */
    readonly uri: string;
}

/** One property before and after; `undefined` on a side means it is not written there. */
export interface PropertyChange {
    /** `kind`, `label`, `technology`, `owner`, `host`, `protocol`, `signal`, or a property such as `replicas`. */
    readonly name: string;
    readonly before?: string | number | boolean;
    readonly after?: string | number | boolean;
}

export interface ItemChange {
    readonly type: ItemType;
    /** The id in the new model (the old one for a removed item). */
    readonly id: string;
    /** `added` and `removed` stand alone; the others can come together (renamed and moved). */
    readonly changes: readonly ChangeKind[];
    /** The element or group kind, or the relation kind (`sync`, `async`, `observe`, `trigger`). */
    readonly kind: string;
    readonly label: string;
    /** For a renamed item: its old id. */
    readonly oldId?: string;
    /** For a moved item: the group it was in and the one it is in (undefined: the top level). */
    readonly groupBefore?: string;
    readonly groupAfter?: string;
    readonly properties: readonly PropertyChange[];
    /** Where it is written in the new model (the old one for a removed item). */
    readonly place: DiffPlace;
}

export interface FindingEntry {
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly fingerprint: string;
    readonly place: DiffPlace;
}

/** What fails with an element, before and after; only elements whose blast radius changed. */
export interface BlastRadiusChange {
    readonly id: string;
    readonly before: number;
    readonly after: number;
    /** Elements that now fail with it, and those that no longer do. */
    readonly joined: readonly string[];
    readonly left: readonly string[];
}

export interface DiffSummary {
    readonly added: number;
    readonly removed: number;
    readonly renamed: number;
    readonly moved: number;
    readonly changed: number;
    readonly introducedErrors: number;
    readonly introducedWarnings: number;
    readonly introduced: number;
    readonly fixed: number;
}

export interface ModelDiff {
    /** What was compared, as the user named it. */
    readonly before: string;
    readonly after: string;
    readonly summary: DiffSummary;
    /** Elements, then groups, then relations; within each, in the order of the models. */
    readonly items: readonly ItemChange[];
    /** Findings of the new side that the old side did not have: errors first. */
    readonly introduced: readonly FindingEntry[];
    /** Findings of the old side that the new side no longer has. */
    readonly fixed: readonly FindingEntry[];
    readonly blastRadius: readonly BlastRadiusChange[];
}
