import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { archFencePlugin, blockHtml, type MarkdownIt as PluginTarget } from '../../extension/src/markdown/arch-fence.js';
import { drawSnippet } from '../../language-server/src/lsp/snippet-handler.js';
import type { SnippetResponse } from '../../language-server/src/protocol.js';

// ```arch blocks in VS Code's Markdown preview: drawn by the server, shown as images, escaped.
const SHOP = 'architecture "Shop" {\n  service orders\n  database ordersDb\n  orders -> ordersDb\n}\n';

function decoded(html: string, theme: 'light' | 'dark'): string {
    const match = new RegExp(`class="archsight-${theme}" alt="[^"]*" src="data:image/svg\\+xml;base64,([^"]+)"`).exec(html);
    return Buffer.from(match![1], 'base64').toString('utf8');
}

describe('the archsight/snippet request', () => {
    test('draws a block in both themes, with exported stylesheets', async () => {
        const response = await drawSnippet({ text: SHOP });
        expect(response.error).toBeUndefined();
        expect(response.title).toBe('Shop');
        expect(response.light).toMatch(/^<svg [^>]*class="archsight-diagram theme-light/);
        expect(response.dark).toMatch(/^<svg [^>]*class="archsight-diagram theme-dark/);
        expect(response.light).toContain('>ordersDb<');
    }, 60_000);

    test('a block with an error is not drawn: the first error, one line', async () => {
        expect(await drawSnippet({ text: 'service orders\norders -> payments\n' })).toEqual({ error: "Line 2: Unknown element 'payments'. Declare it, or import the file that declares it." });
        expect((await drawSnippet({ text: 'x'.repeat(200_000) })).error).toMatch(/longer than 100,000 characters/);
    }, 60_000);
});

describe('the Markdown preview plugin', () => {
    function preview(render: (text: string) => Promise<SnippetResponse>) {
        let refreshed = 0;
        const md = new MarkdownIt();
        archFencePlugin(render, () => refreshed++)(md as unknown as PluginTarget);
        return { md, refreshes: () => refreshed };
    }

    test('shows the text while drawing, then the diagram in both themes after a refresh', async () => {
        const asked: string[] = [];
        const { md, refreshes } = preview(async text => {
            asked.push(text);
            return drawSnippet({ text });
        });
        const markdown = `# Design\n\n\`\`\`arch\n${SHOP}\`\`\`\n\n\`\`\`js\nlet a = 1 < 2;\n\`\`\`\n`;
        const first = md.render(markdown);
        expect(first).toContain('<div class="archsight-block archsight-pending"><div class="archsight-note">Drawing…</div><pre><code class="language-arch">architecture &quot;Shop&quot;');
        expect(first).toContain('<code class="language-js">let a = 1 &lt; 2;');
        await expect.poll(refreshes, { timeout: 60_000 }).toBe(1);
        const second = md.render(markdown);
        expect(decoded(second, 'light')).toContain('>orders<');
        expect(decoded(second, 'dark')).toMatch(/theme-dark/);
        expect(second).toContain('alt="Architecture diagram: Shop"');
        // Drawn once: the refresh reads the cache.
        md.render(markdown);
        expect(asked).toEqual([SHOP]);
    }, 60_000);

    test('hostile text and errors are escaped; nothing of them reaches the page as markup', async () => {
        const hostile = 'service x "<script>alert(1)</script>" \n';
        const html = blockHtml(hostile, { error: '<img src=x onerror=alert(1)>' });
        expect(html).not.toMatch(/<script|<img src=x/);
        expect(html).toContain('Not drawn: &lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        const drawn = blockHtml(hostile, { title: '"><script>', light: '<svg/>', dark: '<svg/>' });
        expect(drawn).toContain('alt="Architecture diagram: &quot;&gt;&lt;script&gt;"');
        expect(drawn.match(/<[a-z]+/g)).toEqual(['<div', '<img', '<img']);
    });

    test('a label that tries to break out of the SVG stays text inside the image', async () => {
        const response = await drawSnippet({ text: 'service x "</text></svg><script>alert(1)</script>"\n' });
        expect(response.light).not.toContain('<script>');
        expect(response.light).toContain('&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;');
    }, 60_000);

    test('a renderer that fails gives the error block, not a stuck "Drawing…"', async () => {
        const { md, refreshes } = preview(async () => {
            throw new Error('server gone');
        });
        md.render('```arch\nservice a\n```\n');
        await expect.poll(refreshes).toBe(1);
        expect(md.render('```arch\nservice a\n```\n')).toContain('Not drawn: server gone');
    });
});
