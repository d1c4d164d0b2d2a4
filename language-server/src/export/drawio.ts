import { escapeXml, num } from '../diagram/xml.js';
import type { LaidOutDiagram, PlacedEdge, PlacedNode } from '../diagram/graph-types.js';

/**
 * A draw.io (diagrams.net) file of a drawn view (`archsight render --format drawio`), with
 * the layout of the SVG: every node at its place and size (groups first, so that they lie
 * below their members), every edge with its route's bends as waypoints.
 */
export function toDrawio(diagram: LaidOutDiagram, title = 'Architecture'): string {
    const ids = new Map(diagram.nodes.map((node, index) => [node.spec.id, `n${index}`]));
    const cells = [
        '<mxCell id="0"/>',
        '<mxCell id="1" parent="0"/>',
        ...diagram.nodes.map(node => vertex(node, ids.get(node.spec.id)!)),
        ...diagram.edges.flatMap((edge, index) => {
            const source = ids.get(edge.spec.sourceId);
            const target = ids.get(edge.spec.targetId);
            return source && target ? [edgeCell(edge, `e${index}`, source, target)] : [];
        }),
    ];
    return '<?xml version="1.0" encoding="UTF-8"?>\n'
        + '<mxfile host="archsight">\n'
        + `  <diagram id="archsight" name="${escapeXml(title)}">\n`
        + `    <mxGraphModel dx="${num(diagram.width)}" dy="${num(diagram.height)}" grid="0" guides="1" page="0" math="0" shadow="0">\n`
        + '      <root>\n'
        + cells.map(cell => `        ${cell}\n`).join('')
        + '      </root>\n'
        + '    </mxGraphModel>\n'
        + '  </diagram>\n'
        + '</mxfile>\n';
}

function vertex(node: PlacedNode, id: string): string {
    const label = [...node.spec.lines, ...(node.spec.technology ? [`[${node.spec.technology}]`] : [])].join('\n');
    const style = node.spec.type === 'group'
        ? 'rounded=1;dashed=1;fillColor=none;verticalAlign=top;align=left;spacingLeft=8;whiteSpace=wrap;container=1;'
        : `${SHAPES[node.spec.kind] ?? 'rounded=1;'}whiteSpace=wrap;html=0;`;
    return `<mxCell id="${id}" value="${attribute(label)}" style="${style}archsight=${node.spec.kind};" vertex="1" parent="1">`
        + `<mxGeometry x="${num(node.x)}" y="${num(node.y)}" width="${num(node.width)}" height="${num(node.height)}" as="geometry"/></mxCell>`;
}

function edgeCell(edge: PlacedEdge, id: string, source: string, target: string): string {
    const dashed = edge.spec.kind === 'sync' ? '' : 'dashed=1;';
    const bends = edge.points.slice(1, -1).map(p => `<mxPoint x="${num(p.x)}" y="${num(p.y)}"/>`).join('');
    const [start, end] = [edge.points[0], edge.points.at(-1)];
    return `<mxCell id="${id}" value="${attribute(edge.spec.labelLines.join('\n'))}" style="edgeStyle=none;html=0;endArrow=block;${dashed}archsight=${edge.spec.kind};" edge="1" parent="1" source="${source}" target="${target}">`
        + '<mxGeometry relative="1" as="geometry">'
        + (start ? `<mxPoint x="${num(start.x)}" y="${num(start.y)}" as="sourcePoint"/>` : '')
        + (end ? `<mxPoint x="${num(end.x)}" y="${num(end.y)}" as="targetPoint"/>` : '')
        + (bends ? `<Array as="points">${bends}</Array>` : '')
        + '</mxGeometry></mxCell>';
}

const SHAPES: Readonly<Record<string, string>> = {
    database: 'shape=cylinder3;boundedLbl=1;size=10;',
    cache: 'shape=cylinder3;boundedLbl=1;size=10;',
    storage: 'shape=cylinder3;boundedLbl=1;size=10;',
    client: 'rounded=1;arcSize=40;',
    bus: 'shape=parallelogram;perimeter=parallelogramPerimeter;',
    queue: 'shape=parallelogram;perimeter=parallelogramPerimeter;',
};

/** An attribute value: escaped, with line breaks kept as character references (a parser turns a raw one into a space). */
function attribute(text: string): string {
    return escapeXml(text).replace(/\r?\n/g, '&#10;').replace(/\t/g, '&#9;');
}
