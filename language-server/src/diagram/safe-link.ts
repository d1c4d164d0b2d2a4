import type { ModelLink } from '../model/annotations.js';
import { escapeXml } from './xml.js';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const CONTROL = /[\u0000-\u001F\u007F]/;

/**
 * The address of a link when it is safe to follow from a diagram: http and https, or a
 * path relative to the file (`docs/runbook.md`, `../adr/0007.md`). Anything else
 * (`javascript:`, `data:`, `file:`, a host-relative `//host`, control characters) is
 * left unlinked.
 */
export function safeHref(url: string): string | undefined {
    const trimmed = url.trim();
    if (trimmed === '' || CONTROL.test(trimmed) || trimmed.includes('\\')) return undefined;
    if (SCHEME.test(trimmed)) {
        try {
            const parsed = new URL(trimmed);
            return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
        } catch {
            return undefined;
        }
    }
    return trimmed.startsWith('//') ? undefined : trimmed;
}

/** The links of an item that may be drawn, with their addresses made safe. */
export function drawableLinks(links: readonly ModelLink[]): ModelLink[] {
    return links.flatMap(link => {
        const href = safeHref(link.url);
        return href !== undefined ? [{ url: href, ...(link.title !== undefined ? { title: link.title } : {}) }] : [];
    });
}

/**
 * Links drawn at a node's bottom-right corner, one small mark each (at most three; hover lists
 * them all): the top-right corner carries the finding badge, which would cover them.
 */
export function drawNodeLinks(links: readonly ModelLink[] | undefined, width: number, height: number): string {
    return (links ?? []).slice(0, 3).map((link, i) => anchor(link, `<g transform="translate(${width - 14 - i * 14} ${height - 14})"><rect class="link-hit" width="12" height="12"/><text class="link-mark" x="6" y="10">↗</text></g>`)).join('');
}

/** An `<a>` with an escaped, safe `href`; the title is the link's title or its address. */
export function anchor(link: ModelLink, content: string): string {
    return `<a class="link" href="${escapeXml(link.url)}" target="_blank" rel="noopener noreferrer" data-href="${escapeXml(link.url)}">`
        + `<title>${escapeXml(link.title ? `${link.title}: ${link.url}` : link.url)}</title>${content}</a>`;
}
