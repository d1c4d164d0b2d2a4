import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { previewCsp, previewHtml } from '../../extension/src/preview/preview-html.js';
import { parseWebviewMessage } from '../../extension/src/preview/message-validation.js';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import { runCli } from '../helpers/cli.js';
import { createTestServices } from '../helpers/services.js';

// Never run what it reads: text from a .arch file is drawn as text, in the preview's SVG
// and in exported SVG, whatever it contains; nothing in it becomes an element or attribute.
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const HOSTILE = {
    script: '<script>alert(1)</script>',
    img: '"><img src=x onerror=alert(1)>',
    closeSvg: '</svg><svg onload=alert(1)>',
    cdata: ']]><script>alert(1)</script><![CDATA[',
    entities: '&amp; &lt;b&gt; &#60;',
    controls: 'bell\u0007 null\u0000 escape\u001b',
    bidi: 'admin\u202etxt.exe\u202c \u200fright',
    emoji: '🚀 launch 👩‍💻 ✔︎',
    quotes: `it's "quoted" \\ back`,
    longWord: 'W'.repeat(3_000),
} as const;

/** A string literal of the language holding `text` exactly (only `"` and `\` need escapes). */
function quote(text: string): string {
    return `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}

/** What XML can carry of `text`: characters XML 1.0 forbids are drawn as U+FFFD. */
function drawable(text: string): string {
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
}

/** An architecture with `text` in every place the language lets free text go. */
function architecture(text: string): string {
    const q = quote(text);
    return `architecture ${q} {
  system shop ${q} : ${q} {
    service orders ${q} : ${q} { description ${q} }
    database ordersDb ${q} : ${q}
  }
  function resize ${q} { trigger orders ${q} }
  orders -> ordersDb : ${q} ${q} { timeout 1s breaker }
}
`;
}

function parseStrict(svg: string): Document {
    return new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`${level}: ${message}`); } })
        .parseFromString(svg, 'image/svg+xml');
}

function allElements(doc: Document): Element[] {
    return Array.from(doc.getElementsByTagName('*')) as Element[];
}

/** The structure of an SVG document: each element's name and attribute names, in order. */
function shape(doc: Document): string[] {
    return allElements(doc).map(e => `${e.tagName}(${Array.from(e.attributes).map(a => a.name).join(',')})`);
}

async function draw(text: string, options: Partial<DiagramOptions> = {}) {
    const doc = await services.parse(text, { validation: true });
    const model = services.Arch.model.ModelProvider.getModel(doc);
    const result = await services.Arch.diagram.DiagramGenerator.generate(model, { view: 'all', direction: 'RIGHT', theme: 'light', legend: true, ...options });
    return { model, svg: parseStrict(result.svg) };
}

const BENIGN = 'Plain label';

describe('hostile text in the SVG', () => {
    test.each(Object.entries(HOSTILE))('%s: the model keeps the text exactly', async (_name, text) => {
        const { model } = await draw(architecture(text));
        expect(model.title).toBe(text);
        expect(model.elements.get('orders')?.label).toBe(text);
        expect(model.elements.get('orders')?.technology).toBe(text);
        expect(model.groups.get('shop')?.label).toBe(text);
        expect(model.relations.find(r => r.id === 'orders->ordersDb')?.label).toBe(text);
    });

    test.each(Object.entries(HOSTILE))('%s: well-formed, the same elements and attributes as a plain label', async (_name, text) => {
        const plain = await draw(architecture(BENIGN));
        const hostile = await draw(architecture(text));
        // Long words wrap onto more lines; what matters is that no new kind of element or attribute appears.
        expect(new Set(shape(hostile.svg))).toEqual(new Set(shape(plain.svg)));
        for (const element of allElements(hostile.svg)) {
            expect(['script', 'img', 'foreignObject', 'iframe', 'a']).not.toContain(element.tagName);
            for (const attribute of Array.from(element.attributes)) expect(attribute.name).not.toMatch(/^on|href$/i);
        }
    });

    test.each(Object.entries(HOSTILE))('%s: drawn as text: tooltips hold it whole, labels as wrapped', async (_name, text) => {
        const { svg } = await draw(architecture(text));
        const titles = allElements(svg).filter(e => e.tagName === 'title').map(e => e.textContent ?? '');
        expect(titles[0]).toBe(drawable(text));
        const node = allElements(svg).find(e => e.getAttribute('data-id') === 'orders')!;
        expect(node.getElementsByTagName('title')[0].textContent).toContain(drawable(text));
        const lines = Array.from(node.getElementsByTagName('text')).filter(t => t.getAttribute('class') === 'label').map(t => t.textContent ?? '');
        if (text === HOSTILE.longWord) {
            expect(lines.join('')).toMatch(/^W+…$/);
        } else {
            // Lines break at spaces, and inside words too long for a line.
            expect(lines.join('').replace(/\s/g, '')).toBe(drawable(text).replace(/\s/g, ''));
        }
    });
});

describe('hostile text through archsight render', () => {
    test('the written SVG is well-formed and draws the text as text', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'archsight-hostile-'));
        // Without NUL: the CLI refuses a file with NUL bytes as binary.
        const text = Object.values(HOSTILE).filter(t => t !== HOSTILE.longWord).join(' ').replace(/\u0000/g, '');
        writeFileSync(path.join(dir, 'hostile.arch'), architecture(text));
        const r = runCli(['render', 'hostile.arch', '-o', 'out.svg'], dir);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const svg = parseStrict(readFileSync(path.join(dir, 'out.svg'), 'utf8'));
        expect(allElements(svg).map(e => e.tagName)).not.toContain('script');
        expect(allElements(svg).find(e => e.tagName === 'title')?.textContent).toBe(drawable(text));
    });
});

describe('the preview page', () => {
    const parts = { cspSource: 'https://webview.example', nonce: 'n0nce+/=', scriptUri: 'https://webview.example/preview.js', styleUri: 'https://webview.example/preview.css' };

    test('the CSP allows only the nonce script, the extension\'s files and data: images', () => {
        const csp = previewCsp(parts.cspSource, parts.nonce);
        const directives = Object.fromEntries(csp.split(';').map(d => d.trim()).filter(Boolean).map(d => [d.split(' ')[0], d.split(' ').slice(1)]));
        expect(directives['default-src']).toEqual(["'none'"]);
        expect(directives['script-src']).toEqual([`'nonce-${parts.nonce}'`]);
        expect(Object.values(directives).flat().filter(source => !["'none'", `'nonce-${parts.nonce}'`, parts.cspSource, 'data:'].includes(source))).toEqual([]);
    });

    test('a hostile title stays text, and every script carries the nonce', () => {
        const html = previewHtml({ ...parts, title: HOSTILE.script + HOSTILE.img });
        expect(html.match(/<title>([^<]*)<\/title>/)?.[1]).toBe('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src=x onerror=alert(1)&#62;');
        const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
        expect(tags.filter(t => /^<(script|img|iframe|object|embed)\b/i.test(t))).toEqual([`<script nonce="${parts.nonce}" src="${parts.scriptUri}">`]);
        expect(tags.filter(t => /\son\w+=/i.test(t))).toEqual([]);
        expect(tags.flatMap(t => t.match(/\b(src|href)="[^"]*"/g) ?? []).filter(a => !a.includes('"https://webview.example/'))).toEqual([]);
    });

    test('messages from the webview: only known types, only ids of the diagram', () => {
        const ids = new Set(['orders', 'orders->ordersDb']);
        expect(parseWebviewMessage({ type: 'reveal', id: 'orders' }, ids)).toEqual({ type: 'reveal', id: 'orders' });
        expect(parseWebviewMessage({ type: 'reveal', id: HOSTILE.script }, ids)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'reveal', id: 'orders', extra: HOSTILE.img }, ids)).toEqual({ type: 'reveal', id: 'orders' });
        expect(parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' }, ids)).toBeUndefined();
        expect(parseWebviewMessage({ type: 'options', options: { view: 'all', direction: 'RIGHT', legend: true, focus: '../../etc' } }, ids)).toBeUndefined();
        expect(parseWebviewMessage('{"type":"ready"}', ids)).toBeUndefined();
    });
});
