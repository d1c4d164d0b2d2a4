import type { SnippetResponse } from '../../../language-server/src/protocol.js';

/** The part of markdown-it the plugin uses (VS Code hands its own instance to `extendMarkdownIt`). */
export interface MarkdownIt {
    renderer: { rules: Record<string, FenceRule | undefined> };
}
type FenceRule = (tokens: Array<{ info: string; content: string }>, index: number, options: unknown, env: MarkdownEnv, self: { renderToken(tokens: unknown[], index: number, options: unknown): string }) => string;
interface MarkdownEnv {
    /** The Markdown file being previewed (VS Code sets it). */
    readonly currentDocument?: { toString(): string };
}

/** Draws a block: the language server's `archsight/snippet` request. */
export type SnippetRenderer = (text: string, baseUri: string | undefined) => Promise<SnippetResponse>;

/** Drawn blocks kept, by text and folder, so a preview refresh does not lay them out again. */
const CACHE_SIZE = 50;

/**
 * The markdown-it plugin of VS Code's Markdown preview: an ```arch fenced block is drawn as
 * its diagram. markdown-it renders synchronously and a layout takes a while, so a block
 * shows its text with "Drawing…" until the diagram is ready, then `refresh` redraws the
 * preview from the cache. The diagram is an `<img>` of an SVG data URI, once per theme
 * (the preview's stylesheet shows the one that fits): an image runs no script and its
 * stylesheet cannot reach the page. The block's text and any error are escaped.
 */
export function archFencePlugin(render: SnippetRenderer, refresh: () => void): (md: MarkdownIt) => MarkdownIt {
    const drawn = new Map<string, string>();
    const pending = new Set<string>();
    return md => {
        const fallback = md.renderer.rules.fence;
        md.renderer.rules.fence = (tokens, index, options, env, self) => {
            const token = tokens[index];
            if (token.info.trim().split(/\s+/)[0] !== 'arch') {
                return fallback ? fallback(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
            }
            const baseUri = env?.currentDocument?.toString();
            const key = `${baseUri ?? ''}\n${token.content}`;
            const html = drawn.get(key);
            if (html !== undefined) return html;
            if (!pending.has(key)) {
                pending.add(key);
                void render(token.content, baseUri).then(response => response, error => ({ error: String(error?.message ?? error) }))
                    .then(response => {
                        pending.delete(key);
                        if (drawn.size >= CACHE_SIZE) drawn.delete(drawn.keys().next().value!);
                        drawn.set(key, blockHtml(token.content, response));
                        refresh();
                    });
            }
            return `<div class="archsight-block archsight-pending"><div class="archsight-note">Drawing…</div>${codeHtml(token.content)}</div>\n`;
        };
        return md;
    };
}

/** What a drawn block shows: the diagram in both themes, or its text and why it is not drawn. */
export function blockHtml(text: string, response: SnippetResponse): string {
    if (response.error !== undefined || response.light === undefined || response.dark === undefined) {
        return `<div class="archsight-block archsight-error"><div class="archsight-note">Not drawn: ${escapeHtml(response.error ?? 'no diagram.')}</div>${codeHtml(text)}</div>\n`;
    }
    const alt = escapeHtml(response.title ? `Architecture diagram: ${response.title}` : 'Architecture diagram');
    return `<div class="archsight-block">`
        + `<img class="archsight-light" alt="${alt}" src="${dataUri(response.light)}">`
        + `<img class="archsight-dark" alt="${alt}" src="${dataUri(response.dark)}">`
        + `</div>\n`;
}

function codeHtml(text: string): string {
    return `<pre><code class="language-arch">${escapeHtml(text)}</code></pre>`;
}

function dataUri(svg: string): string {
    return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

export function escapeHtml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
