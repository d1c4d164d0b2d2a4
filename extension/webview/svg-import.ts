/**
 * Turns the server's SVG text into DOM nodes without ever handing it to `innerHTML`: the
 * text is parsed as XML (so it cannot open HTML elements) and then pruned to drawing
 * elements and plain attributes. The renderer escapes every user text already; this is
 * the second line of defence should it ever miss one.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Elements that draw or structure a drawing; no script, no foreignObject, no animation, no style. */
const ALLOWED_ELEMENTS = new Set([
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'marker', 'clippath', 'mask', 'pattern',
    'lineargradient', 'radialgradient', 'stop', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline',
    'polygon', 'text', 'tspan', 'textpath', 'image',
]);

/** Parses and prunes an SVG document; undefined when it is not well-formed SVG. */
export function importSvg(text: string, into: Document): SVGSVGElement | undefined {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
        return undefined;
    }
    prune(root);
    return into.importNode(root, true) as unknown as SVGSVGElement;
}

function prune(element: Element): void {
    for (const child of [...element.childNodes]) {
        if (child.nodeType === Node.TEXT_NODE) continue;
        if (child.nodeType === Node.ELEMENT_NODE && isAllowed(child as Element)) {
            prune(child as Element);
        } else {
            child.remove();
        }
    }
    for (const attribute of [...element.attributes]) {
        if (!isSafeAttribute(attribute)) element.removeAttributeNode(attribute);
    }
}

function isAllowed(element: Element): boolean {
    return element.namespaceURI === SVG_NS && ALLOWED_ELEMENTS.has(element.localName.toLowerCase());
}

function isSafeAttribute(attribute: Attr): boolean {
    const name = attribute.localName.toLowerCase();
    // Event handlers run script; style attributes are refused by the CSP anyway.
    if (name.startsWith('on') || name === 'style') return false;
    // Links may only point inside the document (markers, gradients, <use>); images only at data: PNGs.
    if (name === 'href' && (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS)) {
        const value = attribute.value.trim();
        return value.startsWith('#') || (attribute.ownerElement?.localName === 'image' && /^data:image\/(png|jpeg|gif|webp);/i.test(value));
    }
    return attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS || attribute.namespaceURI === 'http://www.w3.org/XML/1998/namespace';
}
