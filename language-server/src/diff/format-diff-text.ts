import { changeDetails, itemName, plural } from './describe-change.js';
import type { ItemChange, ItemType, ModelDiff } from './diff-types.js';

/**
 * The diff for a terminal: a summary line, then the changes by type (`+` added, `-`
 * removed, `~` renamed, moved or changed), the findings introduced and fixed, and the
 * blast radii that changed. Control characters from the files are shown escaped.
 */
export function formatDiffText(diff: ModelDiff): string {
    const lines = [`archsight diff ${safe(diff.before)} → ${safe(diff.after)}`, `  ${summaryLine(diff)}`];
    for (const [type, title] of TYPES) {
        const items = diff.items.filter(i => i.type === type);
        if (items.length === 0) continue;
        lines.push('', title);
        for (const item of items) lines.push(`  ${itemLine(item)}`);
    }
    if (diff.introduced.length > 0) {
        lines.push('', 'Findings introduced');
        for (const f of diff.introduced) lines.push(`  ${f.place.file}:${f.place.line}  ${f.severity}  ${safe(f.message)}  [${f.rule}]`);
    }
    if (diff.fixed.length > 0) {
        lines.push('', 'Findings fixed');
        for (const f of diff.fixed) lines.push(`  ${f.place.file}:${f.place.line}  ${f.severity}  ${safe(f.message)}  [${f.rule}]`);
    }
    if (diff.blastRadius.length > 0) {
        lines.push('', 'Blast radius');
        for (const b of diff.blastRadius) {
            const moves = [b.joined.length > 0 ? `+ ${b.joined.join(', ')}` : '', b.left.length > 0 ? `- ${b.left.join(', ')}` : ''].filter(Boolean).join('; ');
            lines.push(`  ${safe(b.id)}: ${b.before} → ${b.after} (${safe(moves)})`);
        }
    }
    return lines.join('\n') + '\n';
}

const TYPES: ReadonlyArray<[ItemType, string]> = [['element', 'Elements'], ['group', 'Groups'], ['relation', 'Relations']];

export function summaryLine(diff: ModelDiff): string {
    const s = diff.summary;
    const changes = ([['added', s.added], ['removed', s.removed], ['renamed', s.renamed], ['moved', s.moved], ['changed', s.changed]] as const)
        .filter(([, n]) => n > 0).map(([word, n]) => `${n} ${word}`);
    const severities = [s.introducedErrors > 0 ? plural(s.introducedErrors, 'error') : '', s.introducedWarnings > 0 ? plural(s.introducedWarnings, 'warning') : ''].filter(Boolean);
    const findings = `findings: ${s.introduced} introduced${severities.length > 0 ? ` (${severities.join(', ')})` : ''}, ${s.fixed} fixed`;
    return `${changes.length > 0 ? changes.join(', ') : 'no changes to the architecture'}; ${findings}`;
}

function itemLine(item: ItemChange): string {
    const sign = item.changes.includes('added') ? '+' : item.changes.includes('removed') ? '-' : '~';
    const details = changeDetails(item);
    return `${sign} ${safe(itemName(item))}${details ? `: ${safe(details)}` : ''}  (${safe(item.place.file)}:${item.place.line})`;
}

/** Control characters (an escape sequence in a label) are shown, not sent to the terminal. */
export function safe(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
