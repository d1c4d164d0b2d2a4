import { escapeXml } from '../diagram/xml.js';
import { changeDetails, itemName } from './describe-change.js';
import type { FindingEntry, ModelDiff } from './diff-types.js';
import { summaryLine } from './format-diff-text.js';

/**
 * A standalone page: the diff diagram (an SVG from the diagram service) above the list of
 * changes and the findings introduced and fixed. No script; everything from the files is
 * escaped.
 */
export function formatDiffHtml(diff: ModelDiff, svg: string, theme: 'light' | 'dark'): string {
    const title = `Architecture diff: ${diff.before} → ${diff.after}`;
    const changes = diff.items.map(item => {
        const details = changeDetails(item);
        return `<li class="change-${item.changes[0]}"><span class="what">${escapeXml(item.changes.join(', '))}</span> `
            + `<code>${escapeXml(itemName(item))}</code>${details ? ` — ${escapeXml(details)}` : ''} `
            + `<span class="where">${escapeXml(item.place.file)}:${item.place.line}</span></li>`;
    });
    const findings = (list: readonly FindingEntry[]) => list.map(f =>
        `<li class="finding-${f.severity}"><span class="what">${f.severity}</span> ${escapeXml(f.message)} <code>${escapeXml(f.rule)}</code> `
        + `<span class="where">${escapeXml(f.place.file)}:${f.place.line}</span></li>`);
    const section = (heading: string, items: string[]) => items.length === 0 ? '' : `<h2>${escapeXml(heading)}</h2>\n<ul>\n${items.join('\n')}\n</ul>\n`;
    return `<!DOCTYPE html>
<html lang="en" class="theme-${theme}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="summary">${escapeXml(summaryLine(diff))}</p>
<div class="diagram">${svg}</div>
${section(`Findings introduced (${diff.introduced.length})`, findings(diff.introduced))}${section(`Changes (${diff.items.length})`, changes)}${section(`Findings fixed (${diff.fixed.length})`, findings(diff.fixed))}</body>
</html>
`;
}

const PAGE_STYLE = `
body { font-family: system-ui, sans-serif; margin: 24px; }
.theme-dark body { background: #0d1117; color: #e6edf3; }
.diagram { overflow: auto; border: 1px solid #8884; border-radius: 6px; }
li { margin: 2px 0; }
.what { display: inline-block; min-width: 7em; font-weight: 600; }
.where { color: #888; font-size: 90%; }
.change-added .what { color: #1a7f37; } .change-removed .what { color: #cf222e; }
.change-renamed .what, .change-moved .what, .change-changed .what { color: #8250df; }
.finding-error .what { color: #d1242f; } .finding-warning .what { color: #bf8700; }
`;
