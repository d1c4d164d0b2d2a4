import type { Annotations } from '../model/annotations.js';
import { safeHref } from '../diagram/safe-link.js';
import { escapeMarkdown } from './hover-cards.js';

/**
 * The lines a hover card gives tags, metadata and links. Tags and metadata are escaped;
 * links are markdown links to safe addresses only (http, https, relative), with the
 * characters markdown would end a link at percent-encoded. Unsafe ones are listed as text.
 */
export function annotationLines(item: Annotations): string[] {
    const lines: string[] = [];
    if (item.tags.length > 0) lines.push(`Tags: ${item.tags.map(t => escapeMarkdown(t)).join(', ')}`);
    const meta = Object.entries(item.meta);
    if (meta.length > 0) lines.push(meta.map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`).join(' · '));
    for (const link of item.links) {
        const href = safeHref(link.url);
        const title = escapeMarkdown(link.title ?? link.url);
        lines.push(href !== undefined ? `Link: [${title}](${href.replace(/[()<>\s"'`]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : `Link (not followed: only http, https and relative paths are): ${escapeMarkdown(link.url)}`);
    }
    return lines;
}
