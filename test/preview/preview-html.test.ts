import { describe, expect, test } from 'vitest';
import { createNonce, previewCsp, previewHtml } from '../../extension/src/preview/preview-html.js';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const parts = {
    cspSource,
    nonce: 'n0nce+abc/123=',
    scriptUri: `${cspSource}/ext/out/webview/preview.js`,
    styleUri: `${cspSource}/ext/out/webview/preview.css`,
    title: 'Preview shop.arch',
};

function cspOf(html: string): string {
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    expect(match, 'the page has a CSP meta tag').not.toBeNull();
    return match![1].replace(/&#39;/g, "'");
}

describe('the preview page', () => {
    test('the CSP allows nothing by default and only the script with the nonce', () => {
        expect(previewCsp(cspSource, 'abc')).toBe(
            `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource}; font-src ${cspSource}; script-src 'nonce-abc';`);
    });

    test('the page carries that CSP, before any resource is loaded', () => {
        const html = previewHtml(parts);
        expect(cspOf(html)).toBe(previewCsp(cspSource, parts.nonce));
        expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
    });

    test('its one script is the bundled one and carries the nonce', () => {
        const html = previewHtml(parts);
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => m[0]);
        expect(scripts).toEqual([`<script nonce="${parts.nonce}" src="${parts.scriptUri}">`]);
        expect(html).not.toMatch(/<script[^>]*>[^<]+<\/script>/);
    });

    test('nothing remote, no inline styles or handlers', () => {
        const html = previewHtml(parts);
        const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map(m => m[1]);
        expect(urls.length).toBeGreaterThan(0);
        for (const url of urls) expect(url.startsWith(cspSource)).toBe(true);
        expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    });

    test('the title is escaped', () => {
        const html = previewHtml({ ...parts, title: 'Preview <img src=x onerror=alert(1)>.arch' });
        expect(html).toContain('<title>Preview &#60;img src=x onerror=alert(1)&#62;.arch</title>');
    });

    test('when the extension made the page is on its body, in whole milliseconds, and only when given', () => {
        expect(previewHtml({ ...parts, madeAt: 1_765_000_000_123.7 })).toMatch(/<body data-made-at="1765000000124">/);
        expect(previewHtml({ ...parts, theme: 'dark', madeAt: 5 })).toMatch(/<body class="[^"]+" data-made-at="5">/);
        expect(previewHtml(parts)).toContain('<body>');
    });

    test('a fresh nonce each time, long enough not to be guessed', () => {
        const nonces = new Set(Array.from({ length: 20 }, createNonce));
        expect(nonces.size).toBe(20);
        for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{32}$/);
    });
});
