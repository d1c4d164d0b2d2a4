import { randomBytes } from 'node:crypto';
import type { PreviewTheme } from '../../webview/messages.js';
import { themeClass } from '../../webview/theme.js';

/** What the preview's HTML refers to; the URIs come from `webview.asWebviewUri`. */
export interface PreviewHtmlParts {
    /** `webview.cspSource`: the origin the webview serves the extension's files from. */
    readonly cspSource: string;
    readonly nonce: string;
    readonly scriptUri: string;
    readonly styleUri: string;
    readonly title: string;
    /** `archsight.preview.theme`: the page starts in it, so the first diagram does not flash in other colours. */
    readonly theme?: PreviewTheme;
    /**
     * When the extension made the page (ms since the epoch): the end-to-end tests read it
     * beside the webview's own marks, to tell the time before the page loads from ours.
     */
    readonly madeAt?: number;
}

/** A fresh nonce for each render of the HTML: only the script that carries it may run. */
export function createNonce(): string {
    return randomBytes(24).toString('base64');
}

/**
 * The Content-Security-Policy of the preview: nothing by default, images from the
 * extension and `data:` (the PNG export draws a data URL), styles and fonts from the
 * extension's files only (so no `style` attributes and no `<style>` in the SVG), and
 * only the script with the nonce.
 */
export function previewCsp(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} data:`,
        `style-src ${cspSource}`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ') + ';';
}

/**
 * The preview's page: a toolbar, a banner line and the stage the diagram is drawn on.
 * The diagram itself arrives by message; nothing here comes from the `.arch` file but
 * the title, which is escaped.
 */
export function previewHtml(parts: PreviewHtmlParts): string {
    const attr = escapeHtml;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(parts.cspSource, parts.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body${parts.theme && themeClass(parts.theme) ? ` class="${attr(themeClass(parts.theme)!)}"` : ''}${parts.madeAt === undefined ? '' : ` data-made-at="${Math.round(parts.madeAt)}"`}>
<div id="toolbar" role="toolbar" aria-label="Diagram">
  <span class="group">
    <label class="group">View
      <select id="view" title="A filter, or a view or flow the file declares">
        <option value="all">Everything</option>
        <option value="calls">Calls only</option>
        <option value="messaging">Messaging only</option>
        <option value="observability">Observability only</option>
      </select>
    </label>
    <button id="sequence" aria-pressed="false" title="Draw the flow as a sequence diagram, or on the architecture" hidden>Sequence</button>
  </span>
  <span class="group">
    <button id="focus" title="Show only the selected element and its neighbours">Focus</button>
    <button id="clear-focus" title="Show everything again">Clear focus</button>
  </span>
  <span class="group">
    <button id="direction"></button>
    <button id="legend" aria-pressed="false" title="Show or hide the legend">Legend</button>
    <button id="since-head" aria-pressed="false" title="Mark what changed since the file's version at git HEAD: added in green, removed in red, changed outlined">Changes since HEAD</button>
  </span>
  <span class="group">
    <button id="zoom-out" title="Zoom out (-)">−</button>
    <span id="zoom-level" aria-live="polite">100%</span>
    <button id="zoom-in" title="Zoom in (+)">+</button>
    <button id="fit" title="Fit to view (F)">Fit</button>
    <button id="actual-size" title="Actual size (0)">1:1</button>
  </span>
  <span class="group">
    <button id="search" aria-expanded="false" aria-controls="search-box" title="Find an element by id, label, tag or technology (Ctrl+F)">Find</button>
    <span id="search-box" class="group" role="search" hidden>
      <input id="search-input" type="search" placeholder="id, label, tag, technology" aria-label="Find in the diagram" spellcheck="false" autocomplete="off">
      <span id="search-count" aria-live="polite"></span>
      <button id="search-previous" title="Previous match (Shift+Enter)" aria-label="Previous match" disabled>↑</button>
      <button id="search-next" title="Next match (Enter)" aria-label="Next match" disabled>↓</button>
      <button id="search-close" title="Close (Escape)" aria-label="Close the search">×</button>
    </span>
  </span>
  <span class="group">
    <button id="export" title="Export the diagram as SVG or PNG">Export…</button>
  </span>
  <span id="findings" class="group">
    <button id="counts" aria-haspopup="listbox" aria-expanded="false" aria-live="polite" title="List the findings of the reviewer" disabled>No findings</button>
    <button id="next-finding" title="Reveal the next finding in the editor (N; Shift+N for the previous one)" disabled>Next finding</button>
  </span>
</div>
<div id="progress" role="progressbar" aria-label="Laying out the diagram" hidden></div>
<div id="banners" aria-live="polite"></div>
<nav id="breadcrumb" aria-label="Opened groups" hidden></nav>
<div id="stage" tabindex="0" aria-label="Diagram: drag to pan, wheel to zoom">
  <div id="viewport"></div>
  <div id="findings-list" role="listbox" aria-label="Findings" hidden></div>
  <p id="placeholder">Drawing the diagram…</p>
</div>
<script nonce="${attr(parts.nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
