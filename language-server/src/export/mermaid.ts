import type { ArchModel } from '../model/model-types.js';
import type { LaidOutDiagram, PlacedNode } from '../diagram/graph-types.js';

/**
 * A Mermaid flowchart of a drawn view (`archsight render --format mermaid`), which GitHub
 * renders in Markdown: groups become subgraphs, elements nodes, relations edges (`-->`
 * synchronous, `-.->` asynchronous, `==>` observability and triggers). Mermaid lays it out
 * itself; what is drawn (view, focus, collapsed groups) is the diagram pipeline's.
 */
export function toMermaid(diagram: LaidOutDiagram, model: ArchModel, direction: 'RIGHT' | 'DOWN'): string {
    const ids = new Map(diagram.nodes.map((node, index) => [node.spec.id, `n${index}`]));
    const drawn = new Set(diagram.nodes.map(node => node.spec.id));
    const children = new Map<string | undefined, PlacedNode[]>();
    for (const node of diagram.nodes) {
        const parent = parentOf(model, node, drawn);
        children.set(parent, [...children.get(parent) ?? [], node]);
    }
    const lines = [`flowchart ${direction === 'DOWN' ? 'TB' : 'LR'}`];
    if (model.title) lines.unshift('---', `title: ${JSON.stringify(model.title.replace(/[\u0000-\u001F\u007F]/g, ' '))}`, '---');
    const write = (parent: string | undefined, indent: string) => {
        for (const node of children.get(parent) ?? []) {
            // Mermaid wraps labels itself: the whole label, not the lines the SVG wrapped it into.
            const name = (node.spec.type === 'group' ? model.groups.get(node.spec.id)?.label : model.elements.get(node.spec.id)?.label) ?? node.spec.lines.join(' ');
            const label = quote(node.spec.technology ? `${name} [${node.spec.technology}]` : name);
            // A group, or an element drawn around its parts (versions, hosted databases), is a subgraph.
            if (children.has(node.spec.id)) {
                lines.push(`${indent}subgraph ${ids.get(node.spec.id)}[${label}]`);
                write(node.spec.id, indent + '  ');
                lines.push(`${indent}end`);
            } else {
                lines.push(`${indent}${ids.get(node.spec.id)}${shape(node, label)}`);
            }
        }
    };
    write(undefined, '  ');
    for (const edge of diagram.edges) {
        const source = ids.get(edge.spec.sourceId);
        const target = ids.get(edge.spec.targetId);
        if (!source || !target) continue;
        const arrow = edge.spec.kind === 'async' ? '-.->' : edge.spec.kind === 'sync' ? '-->' : '==>';
        const label = edge.spec.labelLines.length > 0 ? `|${quote(edge.spec.labelLines.join(' '))}|` : '';
        lines.push(`  ${source} ${arrow}${label} ${target}`);
    }
    for (const node of diagram.nodes) lines.push(`  class ${ids.get(node.spec.id)} ${node.spec.type === 'group' ? 'group' : `kind-${node.spec.kind}`}`);
    return lines.join('\n') + '\n';
}

function parentOf(model: ArchModel, node: PlacedNode, drawn: ReadonlySet<string>): string | undefined {
    let parent = node.spec.type === 'group' ? model.groups.get(node.spec.id)?.parentId : model.elements.get(node.spec.id)?.groupId;
    // A sidecar is drawn docked to its host: it belongs where the host does.
    if (node.spec.hostId !== undefined) parent = model.elements.get(node.spec.hostId)?.groupId;
    // A version or a hosted database is drawn inside its service or server.
    const partOf = node.spec.type === 'element' ? model.elements.get(node.spec.id)?.partOf : undefined;
    if (partOf !== undefined && drawn.has(partOf)) return partOf;
    while (parent !== undefined && !drawn.has(parent)) parent = model.groups.get(parent)?.parentId;
    return parent;
}

function shape(node: PlacedNode, label: string): string {
    switch (node.spec.kind) {
        case 'database': case 'cache': case 'storage': return `[(${label})]`;
        case 'client': return `([${label}])`;
        case 'bus': case 'queue': return `[/${label}/]`;
        default: return `[${label}]`;
    }
}

/**
 * Mermaid text in double quotes: a quote or markup in a label must not end the string or
 * inject HTML (GitHub renders labels as HTML), so they become Mermaid's `#code;` entities.
 */
export function quote(text: string): string {
    return `"${text.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/[#"<>&`]/g, ch => `#${ch.codePointAt(0)};`)}"`;
}
