import type { ModelLink } from '../model/annotations.js';
import { drawableLinks } from './safe-link.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { ELEMENT_KINDS, type Tier } from '../model/kinds.js';
import type { ArchModel, ModelElement, ModelGroup, ModelRelation, RelationKind } from '../model/model-types.js';
import type { EdgeSpec, FlowDirection, NodeSpec } from './graph-types.js';
import { FONT, textWidth, truncate } from './measure.js';
import { COLLAPSED_GROUP, collapsedSummary, elementSize, elementText, GROUP_HEADER, groupMinWidth, groupSubtitle } from './node-content.js';
import type { MergedRelations } from './collapse.js';
import { dataPlaneId, type EdgeBundle } from './edge-bundles.js';
import { bundleLabel, type SignalBundle } from './signal-bundles.js';
import type { ViewSelection } from './views.js';

/**
 * Turns the selected part of the model into an ELK graph: groups become compound nodes,
 * a service and its sidecars share a "dock" so the sidecars sit against it, and tiers
 * become partitions so clients come first and observability last. Only ids, sizes and
 * options go to ELK; `nodes` and `edges` keep what is drawn.
 */
export interface DiagramGraph {
    readonly elk: ElkNode;
    readonly nodes: ReadonlyMap<string, NodeSpec>;
    readonly edges: ReadonlyMap<string, EdgeSpec>;
    readonly direction: FlowDirection;
}

/** The id of the invisible compound that holds a host and its docked sidecars. */
export function dockId(hostId: string): string {
    return `dock:${hostId}`;
}

// Partitions run in this order along the flow. Messaging and data share the middle with
// the services, so a bus lands between publishers and subscribers and a database beside
// its owner, as the edges place them.
const PARTITION_OF_TIER: Readonly<Record<Tier, number>> = {
    client: 0, edge: 1, compute: 2, messaging: 2, data: 2, platform: 2, observability: 3,
};

const MAX_EDGE_LABEL = 150;
/** Relations listed in the tooltip of a merged edge. */
const MAX_LISTED = 12;
const MERGED_NOUNS: Readonly<Record<RelationKind, readonly [string, string]>> = {
    sync: ['call', 'calls'], async: ['message', 'messages'], observe: ['signal link', 'signal links'], trigger: ['trigger', 'triggers'],
};
const MAX_GROUP_LABEL = 420;

const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    // Edge sections and labels in root coordinates, whichever compound holds the edge.
    'elk.json.edgeCoords': 'ROOT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.partitioning.activate': 'true',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.spacing.nodeNode': '28',
    'elk.layered.spacing.nodeNodeBetweenLayers': '40',
    'elk.spacing.edgeNode': '18',
    'elk.layered.spacing.edgeNodeBetweenLayers': '18',
    'elk.spacing.edgeEdge': '10',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
    'elk.spacing.edgeLabel': '4',
    'elk.spacing.componentComponent': '48',
    'elk.edgeLabels.placement': 'CENTER',
    // Labels of long edges go where a layer has room rather than into a layer of their own.
    // (Post-compaction would narrow diagrams further, but routes some edges through nodes.)
    'elk.layered.edgeLabels.centerLabelPlacementStrategy': 'SPACE_EFFICIENT_LAYER',
    'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

/**
 * Past the size limit the boxes are few but densely connected (hundreds of merged edges):
 * edges share their end points and ELK tries one ordering instead of several, which
 * takes the layout of a 1,000-element architecture from half a minute to about a second.
 */
const COLLAPSED_OPTIONS: LayoutOptions = {
    'elk.layered.mergeEdges': 'true',
    'elk.layered.thoroughness': '1',
    'elk.layered.considerModelOrder.strategy': 'NONE',
};

/**
 * Above 40 boxes ELK's search for fewer crossings dominates its time: one pass without the
 * greedy switch afterwards takes a 50-element layout from about 290 to 170 ms (warm).
 * Above 100 boxes, sorting each layer by the order of the source grows quadratically with
 * the layer: without it, 500 elements take about 2 s instead of 12 (on the 2-core machines
 * here; see README, Performance). Smaller diagrams keep the thorough search and the order
 * of the source, which they can afford.
 */
const QUICK_SEARCH_ABOVE = 40;
const QUICK_SEARCH_OPTIONS: LayoutOptions = {
    'elk.layered.thoroughness': '1',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
};
const NO_SOURCE_ORDER_ABOVE = 100;

const GROUP_OPTIONS: LayoutOptions = {
    'elk.partitioning.activate': 'true',
    'elk.padding': `[top=${GROUP_HEADER.height + 8},left=16,bottom=16,right=16]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

/** A service around its versions, a database server around its databases: they sit side by side across the flow. */
const PART_HOST_OPTIONS: LayoutOptions = {
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.spacing.nodeNode': '12',
};

const DOCK_OPTIONS: LayoutOptions = {
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    'elk.spacing.nodeNode': '0',
    'elk.layered.crossingMinimization.semiInteractive': 'true',
};

export interface GroupTitles {
    readonly label: string;
    readonly subtitle: string;
}

/** A group's title and subtitle as drawn, cut to fit. */
export function groupTitles(group: ModelGroup): GroupTitles {
    return {
        label: truncate(group.label, MAX_GROUP_LABEL, FONT.groupLabel),
        subtitle: truncate(groupSubtitle(group.kind, group.technology), MAX_GROUP_LABEL, FONT.technology),
    };
}

/** The box of a closed group holding `count` elements. */
export function collapsedGroupSize(titles: GroupTitles, count: number): { width: number; height: number } {
    return {
        width: Math.max(groupMinWidth(titles.label, titles.subtitle), groupMinWidth(collapsedSummary(count), ''), COLLAPSED_GROUP.minWidth),
        height: COLLAPSED_GROUP.height,
    };
}

/** The elements drawn at the top of a drawing, outside every group (sidecars go with their hosts). */
export function topElements(model: ArchModel): ModelElement[] {
    return [...model.elements.values()].filter(e => e.groupId === undefined && e.hostId === undefined);
}

/** A group's elements as its box holds them: no sidecars (they go with their hosts), each host followed by its parts. */
export function groupMembers(model: ArchModel, group: ModelGroup): ModelElement[] {
    return group.elementIds.map(id => model.elements.get(id)!).filter(e => e.hostId === undefined)
        .flatMap(e => [e, ...e.partIds.map(id => model.elements.get(id)!)]);
}

/** Whether an element is drawn as a box of its own where it is listed: drawn, and not a part drawn inside its host. */
export function drawnOnItsOwn(selection: Pick<ViewSelection, 'elementIds'>, element: ModelElement): boolean {
    return selection.elementIds.has(element.id) && !(element.partOf !== undefined && selection.elementIds.has(element.partOf));
}

export function toElkGraph(model: ArchModel, selection: ViewSelection, direction: FlowDirection): DiagramGraph {
    return drawingBoxes(model, selection).graph(direction);
}

/**
 * A drawing's boxes before its lines. Their sizes tell whether a level of detail may read
 * (`level-estimate.ts`) for about half the cost of the graph, and the levels of detail
 * skipped that way are most of those tried (41 of 42 on a generated 200-element model). The
 * lines are added when the graph is first asked for; the graphs of both directions share
 * them, as only the root's direction differs.
 */
export interface DrawingBoxes {
    readonly nodes: ReadonlyMap<string, NodeSpec>;
    graph(direction: FlowDirection): DiagramGraph;
}

export function drawingBoxes(model: ArchModel, selection: ViewSelection): DrawingBoxes {
    return new ElkGraphBuilder(model, selection);
}

class ElkGraphBuilder implements DrawingBoxes {
    readonly nodes = new Map<string, NodeSpec>();
    private readonly edges = new Map<string, EdgeSpec>();
    /** ELK parent of each ELK node, to put each edge into the innermost compound that holds both ends. */
    private readonly parentOf = new Map<string, string>();
    private readonly elkNodes = new Map<string, ElkNode>();
    private readonly root: ElkNode;
    private withLines = false;

    constructor(private readonly model: ArchModel, private readonly selection: ViewSelection) {
        const overview = this.selection.collapsed && !this.selection.labelMerged ? COLLAPSED_OPTIONS : {};
        // The direction is set in each graph (`graph`); named here, it keeps its place among the options.
        const root: ElkNode = { id: 'root', layoutOptions: { ...ROOT_OPTIONS, ...overview, 'elk.direction': 'DOWN' }, children: [], edges: [] };
        this.root = root;
        this.elkNodes.set(root.id, root);
        root.children = this.childrenOf(root.id, topElements(this.model), this.model.rootGroupIds);
    }

    graph(direction: FlowDirection): DiagramGraph {
        if (!this.withLines) this.addLines();
        const root = this.root;
        return { elk: { ...root, layoutOptions: { ...root.layoutOptions, 'elk.direction': direction } }, nodes: this.nodes, edges: this.edges, direction };
    }

    private addLines(): void {
        this.withLines = true;
        const root = this.root;
        for (const relation of this.selection.relations) this.addEdge(relation);
        for (const bundle of this.selection.bundles) this.addBundle(bundle);
        for (const merged of this.selection.merged ?? []) this.addMerged(merged);
        for (const bundle of this.selection.edgeBundles ?? []) this.addEdgeBundle(bundle);
        if (this.nodes.size > QUICK_SEARCH_ABOVE) Object.assign(root.layoutOptions!, QUICK_SEARCH_OPTIONS);
        if (this.nodes.size > NO_SOURCE_ORDER_ABOVE) root.layoutOptions!['elk.layered.considerModelOrder.strategy'] = 'NONE';
    }

    private childrenOf(parentId: string, elements: readonly ModelElement[], groupIds: readonly string[]): ElkNode[] {
        // A version or a hosted database is drawn inside its service or server, when that is drawn.
        const shownElements = elements
            .filter(e => drawnOnItsOwn(this.selection, e))
            .map(e => this.elementNode(parentId, e));
        const shownGroups = groupIds.filter(id => this.selection.groupIds.has(id)).map(id => {
            const count = this.selection.collapsed?.get(id);
            return count === undefined ? this.groupNode(parentId, this.model.groups.get(id)!) : this.collapsedGroupNode(parentId, this.model.groups.get(id)!, count);
        });
        return [...shownElements, ...shownGroups];
    }

    private register(parentId: string, node: ElkNode): ElkNode {
        this.parentOf.set(node.id, parentId);
        this.elkNodes.set(node.id, node);
        return node;
    }

    private elementNode(parentId: string, element: ModelElement): ElkNode {
        const partition = String(PARTITION_OF_TIER[ELEMENT_KINDS[element.kind].tier]);
        const sidecars = element.sidecarIds.filter(id => this.selection.elementIds.has(id)).map(id => this.model.elements.get(id)!);
        if (sidecars.length === 0) {
            return this.register(parentId, this.withParts(element, { 'elk.partitioning.partition': partition }));
        }
        // The host and its sidecars pinned to the first layer of a tight compound: they
        // stack across the flow, touching, so the sidecars read as attached.
        const dock = this.register(parentId, {
            id: dockId(element.id),
            layoutOptions: { ...DOCK_OPTIONS, 'elk.partitioning.partition': partition },
            children: [],
        });
        const members = [element, ...sidecars];
        // Semi-interactive crossing minimisation keeps them in the order of these positions:
        // the host first, then its sidecars (below it when tiers run right, beside it when down).
        dock.children = members.map((e, i) => {
            const options = { 'elk.layered.layering.layerConstraint': 'FIRST', 'elk.position': `(${i * 100},${i * 100})` };
            return this.register(dock.id, i === 0 ? this.withParts(e, options) : this.leaf(e, options));
        });
        return dock;
    }

    /**
     * An element with the parts that are drawn (a service's versions, a server's databases)
     * becomes a box around them: its own icon and text in a band at the top, the parts
     * laid out below. Without parts drawn it is a leaf.
     */
    private withParts(element: ModelElement, layoutOptions: LayoutOptions): ElkNode {
        const parts = element.partIds.filter(id => this.selection.elementIds.has(id)).map(id => this.model.elements.get(id)!);
        const node = this.leaf(element, layoutOptions);
        if (parts.length === 0) return node;
        const spec = this.nodes.get(element.id)!;
        const band = spec.height;
        this.nodes.set(element.id, { ...spec, band });
        const container: ElkNode = {
            id: element.id,
            layoutOptions: {
                ...layoutOptions,
                ...PART_HOST_OPTIONS,
                'elk.padding': `[top=${band + 4},left=12,bottom=12,right=12]`,
                'elk.nodeSize.minimum': `(${spec.width},${band + 24})`,
            },
            children: [],
        };
        container.children = parts.map(p => this.elementNode(element.id, p));
        return container;
    }

    private leaf(element: ModelElement, layoutOptions: LayoutOptions): ElkNode {
        const text = elementText(element.kind, element.label, element.technology);
        const size = elementSize(element.kind, text);
        this.nodes.set(element.id, {
            id: element.id,
            type: 'element',
            kind: element.kind,
            lines: text.lines,
            technology: text.technology,
            title: titleOf(element.label, element.kind, element.technology),
            ...size,
            hostId: element.hostId,
            ...linksOf(element.links),
            ...(element.tags.length > 0 ? { tags: element.tags } : {}),
        });
        return { id: element.id, ...size, layoutOptions };
    }

    private groupNode(parentId: string, group: ModelGroup): ElkNode {
        const titles = groupTitles(group);
        const minWidth = groupMinWidth(titles.label, titles.subtitle);
        const minHeight = GROUP_HEADER.height + 24;
        this.addGroupSpec(group, titles, minWidth, minHeight);
        const node = this.register(parentId, {
            id: group.id,
            layoutOptions: { ...GROUP_OPTIONS, 'elk.nodeSize.minimum': `(${minWidth},${minHeight})` },
            children: [],
        });
        node.children = this.childrenOf(group.id, groupMembers(this.model, group), group.groupIds);
        if (group.kind === 'monolith') {
            // Layers stack in the order they are written, along the flow.
            const layers = node.children.filter(c => this.model.groups.get(c.id)?.kind === 'layer');
            layers.forEach((layer, i) => layer.layoutOptions!['elk.partitioning.partition'] = String(i));
            node.children.filter(c => !layers.includes(c)).forEach(c => c.layoutOptions!['elk.partitioning.partition'] = String(layers.length));
        }
        node.layoutOptions!['elk.partitioning.partition'] ??= String(this.groupPartition(group));
        if (this.selection.dataPlanes?.has(group.id)) this.addDataPlane(group, node);
        return node;
    }

    /**
     * A mesh whose control plane configures its members as a whole: its members go into a
     * data-plane box after the control plane along the flow, as Istio draws it, so that one
     * edge from Pilot reaches them all.
     */
    private addDataPlane(mesh: ModelGroup, node: ElkNode): void {
        const isControlPlane = (child: ElkNode) => this.model.groups.get(child.id)?.kind === 'control-plane';
        const members = node.children!.filter(c => !isControlPlane(c));
        if (members.length === 0) return;
        const id = dataPlaneId(mesh.id);
        const label = 'Data plane';
        const subtitle = `${members.length} ${members.length === 1 ? 'workload' : 'workloads'} with their sidecars`;
        const minWidth = groupMinWidth(label, subtitle);
        const minHeight = GROUP_HEADER.height + 24;
        this.nodes.set(id, { id, type: 'group', kind: 'data-plane', lines: [label], technology: subtitle, title: `Data plane of ${mesh.label}: the workloads and the sidecars its control plane configures`, width: minWidth, height: minHeight });
        const plane = this.register(mesh.id, {
            id,
            layoutOptions: { ...GROUP_OPTIONS, 'elk.nodeSize.minimum': `(${minWidth},${minHeight})`, 'elk.partitioning.partition': '1' },
            children: members,
        });
        members.forEach(m => this.parentOf.set(m.id, id));
        node.children!.filter(isControlPlane).forEach(c => c.layoutOptions!['elk.partitioning.partition'] = '0');
        node.children = [...node.children!.filter(isControlPlane), plane];
    }

    /** A group past the size limit: one box with its title and how many elements it holds. */
    private collapsedGroupNode(parentId: string, group: ModelGroup, count: number): ElkNode {
        const titles = groupTitles(group);
        const { width, height } = collapsedGroupSize(titles, count);
        this.addGroupSpec(group, titles, width, height, count);
        // What it holds is not drawn, but still places it.
        const partition = this.groupPartition(group, () => true);
        return this.register(parentId, { id: group.id, width, height, layoutOptions: { 'elk.partitioning.partition': String(partition) } });
    }

    private addGroupSpec(group: ModelGroup, { label, subtitle }: GroupTitles, width: number, height: number, collapsed?: number): void {
        this.nodes.set(group.id, {
            id: group.id,
            type: 'group',
            kind: group.kind,
            lines: [label],
            technology: subtitle,
            title: titleOf(group.label, group.kind, group.technology),
            width,
            height,
            ...(collapsed === undefined ? {} : { collapsed }),
            ...linksOf(group.links),
            ...(group.tags.length > 0 ? { tags: group.tags } : {}),
        });
    }

    /** A group sits in the earliest partition of what it holds (`counts`: drawn, by default); an empty one in the middle. */
    private groupPartition(group: ModelGroup, counts: (id: string) => boolean = id => this.selection.elementIds.has(id)): number {
        const partitions: number[] = [];
        const visit = (g: ModelGroup) => {
            for (const id of g.elementIds) {
                if (counts(id)) partitions.push(PARTITION_OF_TIER[ELEMENT_KINDS[this.model.elements.get(id)!.kind].tier]);
            }
            g.groupIds.forEach(id => visit(this.model.groups.get(id)!));
        };
        visit(group);
        return partitions.length > 0 ? Math.min(...partitions) : PARTITION_OF_TIER.compute;
    }

    private addEdge(relation: ModelRelation): void {
        const lines = edgeLines(relation).map(line => truncate(line, MAX_EDGE_LABEL, FONT.edgeLabel));
        this.addEdgeSpec({
            id: relation.id,
            kind: relation.kind,
            signal: relation.signal,
            sourceId: relation.sourceId,
            targetId: relation.targetId,
            labelLines: lines,
            title: edgeTitle(this.model, relation),
            ...labelSize(lines),
            ...linksOf(relation.links),
        });
    }

    private addBundle(bundle: SignalBundle): void {
        const lines = [bundleLabel(this.model, bundle)];
        const name = (id: string) => this.model.elements.get(id)?.label ?? this.model.groups.get(id)?.label ?? id;
        const sources = bundle.relations.map(r => name(r.sourceId)).join(', ');
        this.addEdgeSpec({
            id: bundle.id,
            kind: 'observe',
            signal: bundle.signal,
            sourceId: bundle.groupId,
            targetId: bundle.targetId,
            labelLines: lines,
            title: `${lines[0]} in ${name(bundle.groupId)} send ${bundle.signal ?? 'signals'} to ${name(bundle.targetId)}: ${sources}`,
            ...labelSize(lines),
            relationIds: bundle.relations.map(r => r.id),
        });
    }

    private addMerged(merged: MergedRelations): void {
        const n = merged.relations.length;
        const [singular, pluralNoun] = MERGED_NOUNS[merged.kind];
        const count = `${n} ${n === 1 ? singular : pluralNoun}`;
        const name = (id: string) => this.model.elements.get(id)?.label ?? this.model.groups.get(id)?.label ?? id;
        const signals = new Set(merged.relations.map(r => r.signal));
        const listed = merged.relations.slice(0, MAX_LISTED).map(r => `${name(r.sourceId)} → ${name(r.targetId)}${edgeLines(r).length > 0 ? `: ${edgeLines(r).join(' ')}` : ''}`);
        // A chosen level of detail has few merged edges: they say how many they stand for, or what the one says.
        const own = n === 1 ? edgeLines(merged.relations[0]).map(line => truncate(line, MAX_EDGE_LABEL, FONT.edgeLabel)) : [];
        const lines = !this.selection.labelMerged ? [] : own.length > 0 ? own : [count];
        if (n > MAX_LISTED) listed.push(`… and ${n - MAX_LISTED} more`);
        this.addEdgeSpec({
            id: merged.id,
            kind: merged.kind,
            signal: signals.size === 1 ? [...signals][0] : undefined,
            sourceId: merged.sourceId,
            targetId: merged.targetId,
            // Past the size limit no label: labels on hundreds of edges would double the layout's time; the tooltip counts.
            labelLines: lines,
            title: `${count} from ${name(merged.sourceId)} to ${name(merged.targetId)}:\n${listed.join('\n')}`,
            ...labelSize(lines),
            relationIds: merged.relations.map(r => r.id),
        });
    }

    private addEdgeBundle(bundle: EdgeBundle): void {
        const name = (id: string) => this.model.elements.get(id)?.label ?? this.model.groups.get(id)?.label ?? (this.nodes.get(id)?.lines[0]) ?? id;
        const full = bundle.form === 'fan' ? fanLines(this.model, bundle) : parallelLines(bundle);
        const lines = full.map(line => truncate(line, MAX_EDGE_LABEL, FONT.edgeLabel));
        const listed = bundle.relations.slice(0, MAX_LISTED).map(r => `${name(r.sourceId)} → ${name(r.targetId)}${[r.protocol, r.label].some(Boolean) ? `: ${[r.protocol, r.label].filter(Boolean).join(' ')}` : ''}`);
        if (bundle.relations.length > MAX_LISTED) listed.push(`… and ${bundle.relations.length - MAX_LISTED} more`);
        const [singular, pluralNoun] = MERGED_NOUNS[bundle.kind];
        const n = bundle.relations.length;
        this.addEdgeSpec({
            id: bundle.id,
            kind: bundle.kind,
            sourceId: bundle.sourceId,
            targetId: bundle.targetId,
            labelLines: lines,
            // The label in full first: a line cut with "…" has its whole text one hover away.
            title: `${full.join('\n')}\n${n} ${n === 1 ? singular : pluralNoun} from ${name(bundle.sourceId)} to ${name(bundle.targetId)}, drawn as one line:\n${listed.join('\n')}`,
            ...labelSize(lines),
            relationIds: bundle.relations.map(r => r.id),
        });
    }

    private addEdgeSpec(spec: EdgeSpec): void {
        if (!this.elkNodes.has(spec.sourceId) || !this.elkNodes.has(spec.targetId)) return;
        this.edges.set(spec.id, spec);
        const edge: ElkExtendedEdge = { id: spec.id, sources: [spec.sourceId], targets: [spec.targetId] };
        if (spec.labelLines.length > 0) {
            // ELK skips labels without text; the real text stays out, so the layout key does not change with it.
            edge.labels = [{ id: `label:${spec.id}`, text: 'label', width: spec.labelWidth, height: spec.labelHeight }];
        }
        this.elkNodes.get(this.commonContainer(spec.sourceId, spec.targetId))!.edges!.push(edge);
    }

    /** The innermost compound that holds both ends; the root when nothing else does. */
    private commonContainer(a: string, b: string): string {
        const ancestors = new Set<string>();
        for (let id = this.parentOf.get(a); id !== undefined; id = this.parentOf.get(id)) ancestors.add(id);
        for (let id = this.parentOf.get(b); id !== undefined; id = this.parentOf.get(id)) {
            if (ancestors.has(id)) return this.ensureEdges(id);
        }
        return this.ensureEdges('root');
    }

    private ensureEdges(id: string): string {
        this.elkNodes.get(id)!.edges ??= [];
        return id;
    }
}

/** What a fan says: the protocol they share, how many of what it reaches, and their labels. */
function fanLines(model: ArchModel, bundle: EdgeBundle): string[] {
    const protocols = new Set(bundle.relations.map(r => r.protocol ?? ''));
    const kinds = new Set(bundle.relations.map(r => model.elements.get(r.targetId)?.kind));
    const [kind] = kinds;
    const n = new Set(bundle.relations.map(r => r.targetId)).size;
    const noun = kinds.size === 1 && kind ? pluralOf(kind) : 'elements';
    const labels = [...new Set(bundle.relations.map(r => r.label).filter((l): l is string => !!l && l.trim().length > 0))];
    const [protocol] = protocols;
    return [
        `${protocols.size === 1 && protocol ? `${protocol} ` : ''}→ ${n} ${noun}`,
        ...(labels.length > 0 ? [labels.join(', ')] : []),
    ];
}

/** What parallel relations say: each one's protocol and label, one line each. */
function parallelLines(bundle: EdgeBundle): string[] {
    const lines = [...new Set(bundle.relations.map(r => edgeLines(r).join(' ')).filter(l => l.length > 0))];
    return lines.length <= 3 ? lines : [...lines.slice(0, 2), `+${lines.length - 2} more`];
}

function pluralOf(kind: string): string {
    return kind.endsWith('s') ? `${kind}es` : kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

function labelSize(lines: readonly string[]): { labelWidth: number; labelHeight: number } {
    if (lines.length === 0) return { labelWidth: 0, labelHeight: 0 };
    return {
        labelWidth: Math.max(...lines.map(line => textWidth(line, FONT.edgeLabel))) + 8,
        labelHeight: lines.length * FONT.edgeLabel.lineHeight + 2,
    };
}

/**
 * The text on an edge: its protocol, then its label, on lines of their own so that the
 * label stays narrow. An observe link's signal shows as colour instead.
 */
function edgeLines(relation: ModelRelation): string[] {
    const protocol = relation.kind === 'observe' && relation.protocol === relation.signal ? undefined : relation.protocol;
    return [protocol, relation.label].filter((p): p is string => !!p && p.trim().length > 0);
}

const RELATION_WORDS = { sync: 'calls', async: 'sends to', observe: 'sends signals to', trigger: 'triggers' } as const;

function edgeTitle(model: ArchModel, relation: ModelRelation): string {
    const text = [relation.protocol, relation.label].filter(p => !!p).join(' ');
    const name = (id: string) => model.elements.get(id)?.label ?? model.groups.get(id)?.label ?? id;
    const signal = relation.kind === 'observe' && relation.signal ? ` (${relation.signal})` : '';
    return `${name(relation.sourceId)} ${RELATION_WORDS[relation.kind]} ${name(relation.targetId)}${signal}${text ? `: ${text}` : ''}`;
}

function titleOf(label: string, kind: string, technology: string | undefined): string {
    return `${label} (${kind}${technology ? `, ${technology}` : ''})`;
}

/** Only links safe to follow reach the drawing; none, no field. */
function linksOf(links: readonly ModelLink[]): { links?: readonly ModelLink[] } {
    const safe = drawableLinks(links);
    return safe.length > 0 ? { links: safe } : {};
}
