import type { DiffPlace, FindingEntry } from './diff-types.js';
import { fingerprint } from './fingerprint.js';

/** A finding on one side of a diff, as `archsight check` reports it, with the ids it names. */
export interface SideFinding {
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
    readonly subject: readonly string[];
    readonly place: DiffPlace;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The findings the change introduces and those it fixes, matched by fingerprint (the old
 * side's ids under their new names, so renaming an element neither fixes nor introduces
 * its findings). Two findings with one fingerprint count twice.
 */
export function findingChanges(
    before: readonly SideFinding[], after: readonly SideFinding[], rename: (id: string) => string,
): { introduced: FindingEntry[]; fixed: FindingEntry[] } {
    const oldEntries = before.map(f => ({ f, key: fingerprint(f.rule, f.subject, rename) }));
    const newEntries = after.map(f => ({ f, key: fingerprint(f.rule, f.subject) }));
    const introduced = unmatched(newEntries, oldEntries);
    const fixed = unmatched(oldEntries, newEntries);
    return { introduced: sorted(introduced), fixed: sorted(fixed) };
}

function unmatched(
    side: readonly { f: SideFinding; key: string }[], other: readonly { f: SideFinding; key: string }[],
): FindingEntry[] {
    const counts = new Map<string, number>();
    for (const { key } of other) counts.set(key, (counts.get(key) ?? 0) + 1);
    const result: FindingEntry[] = [];
    for (const { f, key } of side) {
        const n = counts.get(key) ?? 0;
        if (n > 0) {
            counts.set(key, n - 1);
            continue;
        }
        result.push({ rule: f.rule, severity: f.severity, message: f.message, fingerprint: key, place: f.place });
    }
    return result;
}

function sorted(findings: FindingEntry[]): FindingEntry[] {
    return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line);
}
