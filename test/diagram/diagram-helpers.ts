import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramOptions } from '../../language-server/src/diagram/diagram-types.js';
import type { DiagramGraph } from '../../language-server/src/diagram/elk-graph.js';
import type { Box, LaidOutDiagram, PlacedNode, Point } from '../../language-server/src/diagram/graph-types.js';
import type { TestServices } from '../helpers/services.js';

/** The architectures the diagram tests draw, from `test/diagram/fixtures/`. */
export const FIXTURES = ['microservices-shop', 'service-mesh', 'monolith', 'faas', 'soa-esb', 'large-platform'] as const;

export function fixture(name: string): string {
    return readFileSync(path.join(__dirname, 'fixtures', `${name}.arch`), 'utf8');
}

export async function modelOf(services: TestServices, text: string) {
    const doc = await services.parse(text, { validation: true });
    return services.Arch.model.ModelProvider.getModel(doc);
}

/** Parses SVG text strictly: a well-formedness error throws. */
/** Draws a text with the services' generator and `defaults`: its model, the result and the parsed SVG. */
export function drawWith(services: TestServices, defaults: DiagramOptions) {
    return async (text: string, options: Partial<DiagramOptions> = {}) => {
        const model = await modelOf(services, text);
        const result = await services.Arch.diagram.DiagramGenerator.generate(model, { ...defaults, ...options });
        return { model, result, doc: parseSvg(result.svg) };
    };
}

export function parseSvg(svg: string): Document {
    const onError = (level: string, message: string) => {
        if (level !== 'warning') throw new Error(`${level}: ${message}`);
    };
    return new DOMParser({ onError }).parseFromString(svg, 'image/svg+xml');
}

/** The text of an element including CDATA sections, which xmldom leaves out of `textContent`. */
export function allText(element: Element): string {
    return Array.from(element.childNodes).map(n => n.nodeValue ?? '').join('');
}

export function elementsOf(doc: Document | Element, tag: string): Element[] {
    return Array.from(doc.getElementsByTagName(tag)) as Element[];
}

export function classesOf(element: Element): string[] {
    return (element.getAttribute('class') ?? '').split(/\s+/).filter(c => c.length > 0);
}

/** The `<g>` elements with `cls` among their classes. */
export function groupsWithClass(doc: Document, cls: string): Element[] {
    return elementsOf(doc, 'g').filter(g => classesOf(g).includes(cls));
}

/** True when the interiors meet: boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box, tolerance = 0.5): boolean {
    return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x
        && a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

export function contains(outer: Box, inner: Box, tolerance = 0.5): boolean {
    return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance
        && inner.x + inner.width <= outer.x + outer.width + tolerance
        && inner.y + inner.height <= outer.y + outer.height + tolerance;
}

/** True when `p` lies on the border of `box`. */
export function onBorder(p: Point, box: Box, tolerance = 1): boolean {
    const insideX = p.x >= box.x - tolerance && p.x <= box.x + box.width + tolerance;
    const insideY = p.y >= box.y - tolerance && p.y <= box.y + box.height + tolerance;
    const nearVertical = Math.abs(p.x - box.x) <= tolerance || Math.abs(p.x - box.x - box.width) <= tolerance;
    const nearHorizontal = Math.abs(p.y - box.y) <= tolerance || Math.abs(p.y - box.y - box.height) <= tolerance;
    return (insideY && nearVertical) || (insideX && nearHorizontal);
}

/** True when the segment from `a` to `b` passes through the inside of `box` (shrunk by `inset`). */
export function crosses(a: Point, b: Point, box: Box, inset = 2): boolean {
    const inner = { x: box.x + inset, y: box.y + inset, width: box.width - 2 * inset, height: box.height - 2 * inset };
    const minX = Math.min(a.x, b.x);
    const maxX = Math.max(a.x, b.x);
    const minY = Math.min(a.y, b.y);
    const maxY = Math.max(a.y, b.y);
    // Routes are orthogonal: each segment is horizontal or vertical.
    return maxX > inner.x && minX < inner.x + inner.width && maxY > inner.y && minY < inner.y + inner.height;
}

export function nodeById(diagram: LaidOutDiagram, id: string): PlacedNode {
    const node = diagram.nodes.find(n => n.spec.id === id);
    if (!node) throw new Error(`no node '${id}' in the diagram`);
    return node;
}

export function centre(box: Box): Point {
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** `n` boxes that all point to each other, as ELK gets them when nothing is left out: minutes of work for ELK. */
export function allToAll(n: number): ElkNode {
    const children = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, width: 120, height: 48 }));
    const edges = children.flatMap((a, i) => children.filter((_, j) => j !== i).map(b => ({ id: `${a.id}->${b.id}`, sources: [a.id], targets: [b.id] })));
    return { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children, edges };
}

/** Two boxes and an edge: laid out at once. */
export const SMALL_GRAPH: ElkNode = { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] };

/** The area of the boxes a graph draws (elements and closed groups; open groups only hold them): what `drawnArea` must give. */
export function boxArea(boxes: Pick<DiagramGraph, 'nodes'>): number {
    let area = 0;
    for (const node of boxes.nodes.values()) {
        if (node.type === 'element' || node.collapsed !== undefined) area += node.width * node.height;
    }
    return area;
}
