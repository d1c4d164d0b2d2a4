import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, test } from 'vitest';
import type { SvgParser, XmlElement } from '../../extension/webview/svg-import.js';
import { parseSvg } from '../../extension/webview/svg-import.js';

// The webview parses with the browser's DOMParser; @xmldom/xmldom stands in for it here,
// made as strict as a browser, which refuses any document that is not well-formed.
const parser = new DOMParser({
    onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
    },
}) as unknown as SvgParser;
const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

function pruned(svg: string): string | undefined {
    const root = parseSvg(svg, parser);
    return root && new XMLSerializer().serializeToString(root as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
}

describe('taking in the SVG of the server', () => {
    test('a drawing passes unchanged: groups, shapes, text, classes, data-ids, markers', () => {
        const drawing = `<g class="node kind-service finding-error" data-id="orders" transform="translate(10 20)">`
            + `<title>Order Service — 1 error</title><rect class="shape" width="80" height="40" rx="8"/>`
            + `<text class="label" x="8" y="20">Order &amp; &lt;Co&gt;</text></g>`
            + `<defs><marker id="arrow"><path d="M0 0L5 5"/></marker></defs><path class="edge-line" marker-end="url(#arrow)" d="M0 0H9"/>`;
        const out = pruned(`<svg ${SVG} width="100" height="60">${drawing}</svg>`);
        expect(out).toContain(drawing);
        expect(out).toContain('width="100"');
    });

    test('scripts, foreignObject, style elements and animations are removed', () => {
        const out = pruned(`<svg ${SVG}><script>alert(1)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`
            + `<style>*{}</style><set attributeName="onmouseover" to="alert(1)"/><animate/><g class="kept"/></svg>`)!;
        expect(out).not.toMatch(/script|foreignObject|<div|<style|<set|<animate/);
        expect(out).toContain('<g class="kept"/>');
    });

    test('event handlers, style attributes and links out of the document are removed', () => {
        const out = pruned(`<svg ${SVG} onload="alert(1)"><g ONCLICK="x()" style="fill:red" class="a"/>`
            + `<use href="#icon"/><use xlink:href="javascript:alert(1)"/><a href="https://example.com"><text>t</text></a>`
            + `<image href="https://example.com/x.png"/><image href="data:image/png;base64,AAAA"/></svg>`)!;
        expect(out).not.toMatch(/onload|ONCLICK|style=|javascript|example\.com/);
        // The link stays as a drawing (its text shows), but it cannot navigate: no href.
        expect(out).toContain('<a><text>t</text></a>');
        expect(out).toContain('<g class="a"/>');
        expect(out).toContain('<use href="#icon"/>');
        expect(out).toContain('href="data:image/png;base64,AAAA"');
    });

    test('a link drawn by the renderer keeps the address it reports in data-href, when it is one a click may open', () => {
        const out = pruned(`<svg ${SVG}><a class="link" href="https://runbooks.example/orders" target="_blank" data-href="https://runbooks.example/orders"><text>↗</text></a>`
            + `<a data-href="docs/runbook.md"><text>r</text></a><a data-href="javascript:alert(1)"><text>j</text></a>`
            + `<a data-href="file:///etc/passwd"><text>f</text></a><a data-href="command:workbench.action.quit"><text>c</text></a><a data-href="//evil.example/x"><text>h</text></a></svg>`)!;
        expect(out).toContain('<a class="link" target="_blank" data-href="https://runbooks.example/orders"><text>↗</text></a>');
        expect(out).toContain('<a data-href="docs/runbook.md"><text>r</text></a>');
        for (const letter of ['j', 'f', 'c', 'h']) expect(out).toContain(`<a><text>${letter}</text></a>`);
        expect(out).not.toMatch(/ href=|javascript|passwd|command:|evil/);
    });

    test('user text that looks like markup stays text', () => {
        const out = pruned(`<svg ${SVG}><text>&lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=y&gt;</text></svg>`)!;
        const root = parseSvg(out, parser) as XmlElement;
        expect(root.childNodes.length).toBe(1);
        expect(out).not.toMatch(/<script|<img/);
    });

    test('text that is not SVG is refused', () => {
        expect(pruned('<html><body>x</body></html>')).toBeUndefined();
        expect(pruned(`<svg ${SVG}><g></svg>`)).toBeUndefined();
        expect(pruned('')).toBeUndefined();
    });
});
