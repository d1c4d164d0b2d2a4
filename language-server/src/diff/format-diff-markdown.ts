import { changeDetails, itemName, plural } from './describe-change.js';
import type { FindingEntry, ItemChange, ItemType, ModelDiff } from './diff-types.js';
import { summaryLine } from './format-diff-text.js';

/**
 * The diff as a pull-request comment: a heading and a one-line summary, the findings the
 * change introduces (always open, errors first), then tables that fold open for the
 * changes, the fixed findings and the blast radii. Everything from the files is escaped,
 * so a label cannot break a table, open a link or inject HTML.
 */
export function formatDiffMarkdown(diff: ModelDiff): string {
    const out: string[] = [];
    const s = diff.summary;
    const verdict = s.introducedErrors > 0 ? '❌' : s.introducedWarnings > 0 ? '⚠️' : '✅';
    out.push(`### ${verdict} Architecture review: ${md(diff.before)} → ${md(diff.after)}`, '', md(summaryLine(diff)), '');
    if (diff.introduced.length > 0) {
        out.push(`**${plural(diff.introduced.length, 'new finding')}**`, '', ...findingTable(diff.introduced), '');
    }
    for (const [type, title] of TYPES) {
        const items = diff.items.filter(i => i.type === type);
        if (items.length === 0) continue;
        out.push(...folded(`${title} (${items.length})`, [
            '| change | item | details | where |', '| --- | --- | --- | --- |',
            ...items.map(itemRow),
        ]));
    }
    if (diff.fixed.length > 0) out.push(...folded(`Fixed findings (${diff.fixed.length})`, findingTable(diff.fixed)));
    if (diff.blastRadius.length > 0) {
        out.push(...folded(`Blast radius (${diff.blastRadius.length})`, [
            '| element | before | after | now fails with it | no longer |', '| --- | --- | --- | --- | --- |',
            ...diff.blastRadius.map(b => `| ${code(b.id)} | ${b.before} | ${b.after} | ${b.joined.map(code).join(', ')} | ${b.left.map(code).join(', ')} |`),
        ]));
    }
    return out.join('\n') + '\n';
}

const TYPES: ReadonlyArray<[ItemType, string]> = [['element', 'Elements'], ['group', 'Groups'], ['relation', 'Relations']];
const SEVERITY_ICON = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' } as const;

function folded(summary: string, body: readonly string[]): string[] {
    return ['<details>', `<summary>${md(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

function findingTable(findings: readonly FindingEntry[]): string[] {
    return ['| severity | finding | rule | where |', '| --- | --- | --- | --- |',
        ...findings.map(f => `| ${SEVERITY_ICON[f.severity]} | ${md(f.message)} | ${code(f.rule)} | ${md(f.place.file)}:${f.place.line} |`)];
}

function itemRow(item: ItemChange): string {
    return `| ${item.changes.join(', ')} | ${md(itemName(item))} | ${md(changeDetails(item))} | ${md(item.place.file)}:${item.place.line} |`;
}

/**
 * Text for a Markdown table cell or heading: HTML special characters as entities (GitHub
 * renders HTML in comments), Markdown punctuation escaped, line breaks as spaces.
 */
export function md(text: string): string {
    return text
        .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        // Cells and headings never start a line, so only inline punctuation needs a backslash.
        .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/** An id as code; ids are plain words, but a file may still hold anything. */
function code(text: string): string {
    return /^[\w.:#-]+$/.test(text) ? `\`${text}\`` : md(text);
}
