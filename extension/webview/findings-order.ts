import type { DiagramFinding } from '../../language-server/src/diagram/diagram-types.js';

/** One finding of the reviewer, with the drawn item it sits on. */
export interface ListedFinding extends DiagramFinding {
    readonly id: string;
}

const RANK: Record<DiagramFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings in the order a reviewer reads them: errors first, then warnings, then
 * notes, and within each in the order of the drawing (`order`: the drawn ids).
 */
export function orderFindings(findings: Readonly<Record<string, readonly DiagramFinding[]>>, order: readonly string[]): ListedFinding[] {
    const position = new Map(order.map((id, i) => [id, i]));
    const listed = Object.entries(findings).flatMap(([id, list]) => list.map(f => ({ ...f, id })));
    return listed
        .map((finding, i) => ({ finding, i }))
        .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity]
            || (position.get(a.finding.id) ?? Infinity) - (position.get(b.finding.id) ?? Infinity)
            || a.i - b.i)
        .map(({ finding }) => finding);
}

export function countsText(findings: readonly ListedFinding[]): string {
    const count = { error: 0, warning: 0, info: 0 };
    for (const finding of findings) count[finding.severity]++;
    const parts = [plural(count.error, 'error'), plural(count.warning, 'warning'), plural(count.info, 'note')].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : 'No findings';
}

function plural(n: number, word: string): string {
    return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
