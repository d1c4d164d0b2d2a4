/**
 * Turns the server's SVG text into DOM nodes without ever handing it to `innerHTML`: the
 * text is parsed as XML (so it cannot open HTML elements) and then pruned to drawing
 * elements and plain attributes. The renderer escapes every user text already; this is
 * the second line of defence should it ever miss one.
 */

import { safeHref } from '../../language-server/src/diagram/safe-link.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements that draw or structure a drawing; no script, no foreignObject, no animation, no style. */
const ALLOWED_ELEMENTS = new Set([
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'marker', 'clippath', 'mask', 'pattern',
    'lineargradient', 'radialgradient', 'stop', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline',
    'polygon', 'text', 'tspan', 'textpath', 'image',
    // A link drawn on the diagram, without its `href` (below): the preview reads `data-href` and asks the extension to open it.
    'a',
]);

/*
 * The few DOM members used here, declared structurally: the same code runs on the
 * browser's DOM in the webview and on @xmldom/xmldom in the unit tests, and type-checks
 * in both programs (the extension's has no DOM library).
 */
export interface XmlAttr { readonly localName: string; readonly namespaceURI: string | null; readonly value: string }
export interface XmlNode { readonly nodeType: number }
export interface XmlElement extends XmlNode {
    readonly localName: string;
    readonly namespaceURI: string | null;
    readonly childNodes: ArrayLike<XmlNode>;
    readonly attributes: ArrayLike<XmlAttr>;
    removeChild(child: XmlNode): unknown;
    removeAttributeNode(attribute: XmlAttr): unknown;
}
export interface XmlDocument {
    readonly documentElement: XmlElement | null;
    getElementsByTagName(name: string): ArrayLike<unknown>;
}
export interface SvgParser {
    parseFromString(text: string, type: 'image/svg+xml'): XmlDocument;
}

/** Parses and prunes an SVG document into `into`; undefined when it is not well-formed SVG. */
export function importSvg<T>(text: string, into: { importNode(node: never, deep: boolean): T }, parser: SvgParser): T | undefined {
    const root = parseSvg(text, parser);
    return root && into.importNode(root as never, true);
}

/** The pruned root `<svg>` element of `text`, still in its own document. */
export function parseSvg(text: string, parser: SvgParser): XmlElement | undefined {
    let parsed: XmlDocument;
    try {
        parsed = parser.parseFromString(text, 'image/svg+xml');
    } catch {
        return undefined;
    }
    const root = parsed.documentElement;
    if (!root || root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
        return undefined;
    }
    prune(root);
    return root;
}

function prune(element: XmlElement): void {
    for (const child of Array.from(element.childNodes)) {
        if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) continue;
        if (child.nodeType === ELEMENT_NODE && isAllowed(child as XmlElement)) prune(child as XmlElement);
        else element.removeChild(child);
    }
    for (const attribute of Array.from(element.attributes)) {
        if (!isSafeAttribute(element, attribute)) element.removeAttributeNode(attribute);
    }
}

function isAllowed(element: XmlElement): boolean {
    return element.namespaceURI === SVG_NS && ALLOWED_ELEMENTS.has(element.localName.toLowerCase());
}

function isSafeAttribute(element: XmlElement, attribute: XmlAttr): boolean {
    const name = attribute.localName.toLowerCase();
    const namespace = attribute.namespaceURI;
    // Event handlers run script; style attributes are refused by the CSP anyway.
    if (name.startsWith('on') || name === 'style') return false;
    // Links may only point inside the document (markers, gradients, <use>); images only at data: bitmaps.
    if (name === 'href' && (namespace === null || namespace === XLINK_NS)) {
        const value = attribute.value.trim();
        return value.startsWith('#') || (element.localName === 'image' && /^data:image\/(png|jpeg|gif|webp);/i.test(value));
    }
    // The address a click on a link reports: http, https or a relative path only (`safe-link.ts`).
    if (name === 'data-href') return namespace === null && safeHref(attribute.value) === attribute.value.trim();
    return namespace === null || namespace === XML_NS;
}
