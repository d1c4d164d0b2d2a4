import type { CompareResponse } from '../../../language-server/src/protocol.js';
import { escapeHtml, previewCsp } from '../preview/preview-html.js';

/** What the compare page refers to; the URIs come from `webview.asWebviewUri`. */
export interface CompareHtmlParts {
    readonly cspSource: string;
    readonly nonce: string;
    readonly styleUri: string;
}

/**
 * The compare page: the summary, the diff diagram (an SVG the server drew, escaped there)
 * and the list of changes and new findings. Every entry is a button with an index; the
 * only script posts `{ type: 'reveal', index }` when one is clicked. Text is escaped here.
 */
export function compareHtml(parts: CompareHtmlParts, answer: CompareResponse): string {
    const e = escapeHtml;
    const entries: string[] = [];
    let index = 0;
    for (const f of answer.introduced ?? []) {
        entries.push(`<li><button class="compare-entry finding-${e(f.severity)}" data-index="${index++}">`
            + `<span class="compare-what">new ${e(f.severity)}</span> ${e(f.message)} <span class="compare-where">${e(f.rule)}</span></button></li>`);
    }
    for (const c of answer.changes ?? []) {
        const details = [c.oldId !== undefined ? `renamed from ${c.oldId}` : '', ...c.properties.map(p => `${p.name} ${show(p.before)} → ${show(p.after)}`)].filter(Boolean).join('; ');
        const name = c.type === 'relation' ? c.label : `${c.kind} ${c.id}`;
        entries.push(`<li><button class="compare-entry change-${e(c.changes[0])}" data-index="${index++}">`
            + `<span class="compare-what">${e(c.changes.join(', '))}</span> <code>${e(name)}</code>${details ? ` <span class="compare-details">${e(details)}</span>` : ''}`
            + ` <span class="compare-where">${e(c.place.file)}:${c.place.line}</span></button></li>`);
    }
    const body = answer.error
        ? `<p class="compare-error">${e(answer.error)}</p>`
        : `<div class="compare-diagram">${answer.svg ?? ''}</div>
<aside class="compare-list"><h2>${e(answer.summary ?? '')}</h2><ul>${entries.join('\n') || '<li>No changes.</li>'}</ul></aside>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(previewCsp(parts.cspSource, parts.nonce))}">
<link rel="stylesheet" href="${e(parts.styleUri)}">
<title>${e(answer.title)}</title>
</head>
<body class="compare">
<h1 class="compare-title">${e(answer.title)}</h1>
<main class="compare-main">${body}</main>
<script nonce="${e(parts.nonce)}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button[data-index]') : null;
  if (button) vscode.postMessage({ type: 'reveal', index: Number(button.getAttribute('data-index')) });
});
</script>
</body>
</html>`;
}

function show(value: string | number | boolean | undefined): string {
    return value === undefined ? '(none)' : String(value);
}
