import { createHash } from 'node:crypto';
import type { TargetRef } from '../rules/finding.js';

/**
 * Stable fingerprints of findings: the rule and the ids the finding names, never line
 * numbers, so a finding keeps its fingerprint while the file around it is edited and gets
 * a new one when what it is about changes (another element, another set of callers).
 * Baselines, SARIF `partialFingerprints` and `archsight diff` all match findings by it.
 */

/** What a rule finding names: its target first, then its related places, sorted. */
export function findingSubject(finding: { readonly target?: TargetRef; readonly relatedTargets?: readonly TargetRef[] }): string[] {
    const related = [...new Set((finding.relatedTargets ?? []).map(refKey))].sort();
    return finding.target ? [refKey(finding.target), ...related] : related;
}

function refKey(ref: TargetRef): string {
    return `${ref.kind}:${ref.id}`;
}

/**
 * The subject of a diagnostic without one (a syntax error, an unknown reference): its file
 * and message, with the numbers taken out ("already declared at line 12").
 */
export function messageSubject(file: string, message: string): string[] {
    return [`file:${file.replace(/\\/g, '/')}`, `message:${message.replace(/\d+/g, '#')}`];
}

/**
 * The fingerprint of a finding of `rule` about `subject`. `rename` maps ids first, so a
 * finding on a renamed element matches the same finding under its old id.
 */
export function fingerprint(rule: string, subject: readonly string[], rename?: (id: string) => string): string {
    let parts = subject;
    if (rename && subject.length > 0 && isRef(subject[0])) {
        const [target, ...related] = subject.map(part => renamePart(part, rename));
        parts = [target, ...related.sort()];
    }
    return createHash('sha256').update([rule, ...parts].join('\n')).digest('hex').slice(0, 32);
}

function isRef(part: string): boolean {
    return /^(element|group|relation):/.test(part);
}

function renamePart(part: string, rename: (id: string) => string): string {
    const colon = part.indexOf(':');
    const kind = part.slice(0, colon);
    const id = part.slice(colon + 1);
    if (kind === 'element' || kind === 'group') return `${kind}:${rename(id)}`;
    if (kind !== 'relation') return part;
    // A relation's id is `<source><arrow><target>[#n]`: its ends are renamed.
    const m = /^(.*?)(->|~>|\.\.>)(.*?)(#\d+)?$/.exec(id);
    return m ? `relation:${rename(m[1])}${m[2]}${rename(m[3])}${m[4] ?? ''}` : part;
}
