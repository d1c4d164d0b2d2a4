import type { ElkEdgeSection, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { DiagramGraph } from './elk-graph.js';
import type { Box, LaidOutDiagram, PlacedEdge, PlacedNode, Point } from './graph-types.js';

/**
 * Reads ELK's result into absolute coordinates. ELK places each node relative to its
 * parent; edges and their labels are already in root coordinates (`elk.json.edgeCoords`).
 */
export function placeDiagram(laidOut: ElkNode, graph: DiagramGraph): LaidOutDiagram {
    const nodes: PlacedNode[] = [];
    const elkEdges: ElkExtendedEdge[] = [];
    const visit = (node: ElkNode, originX: number, originY: number, depth: number) => {
        elkEdges.push(...(node.edges ?? []));
        for (const child of node.children ?? []) {
            const x = originX + (child.x ?? 0);
            const y = originY + (child.y ?? 0);
            const spec = graph.nodes.get(child.id);
            if (spec) nodes.push({ spec, x, y, width: child.width ?? spec.width, height: child.height ?? spec.height, depth });
            visit(child, x, y, spec?.type === 'group' ? depth + 1 : depth);
        }
    };
    visit(laidOut, 0, 0, 0);
    const boxes = new Map(nodes.map(n => [n.spec.id, n]));
    const edges: PlacedEdge[] = [];
    for (const edge of elkEdges) {
        const spec = graph.edges.get(edge.id);
        if (!spec) continue;
        const label = edge.labels?.[0];
        const labelBox: Box | undefined = spec.labelLines.length > 0 && label
            ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? spec.labelWidth, height: label.height ?? spec.labelHeight }
            : undefined;
        edges.push({ spec, points: routeOf(edge.sections, boxes.get(spec.sourceId), boxes.get(spec.targetId)), labelBox });
    }
    return { width: laidOut.width ?? 0, height: laidOut.height ?? 0, direction: graph.direction, nodes, edges };
}

function routeOf(sections: readonly ElkEdgeSection[] | undefined, source?: Box, target?: Box): Point[] {
    const section = sections?.[0];
    if (section) return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    // Without a route (ELK gives none for some degenerate graphs) draw centre to centre.
    const centre = (b?: Box): Point => b ? { x: b.x + b.width / 2, y: b.y + b.height / 2 } : { x: 0, y: 0 };
    return [centre(source), centre(target)];
}
