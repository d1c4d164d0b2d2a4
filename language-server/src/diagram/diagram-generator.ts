import type { ArchModel } from '../model/model-types.js';
import { collapseGroups, DEFAULT_MAX_ELEMENTS } from './collapse.js';
import type { DiagramItem, DiagramOptions, DiagramResult } from './diagram-types.js';
import { toElkGraph, type DiagramGraph } from './elk-graph.js';
import { ElkLayoutEngine, type ElkFactory } from './elk-layout.js';
import type { LaidOutDiagram } from './graph-types.js';
import { placeDiagram } from './placement.js';
import { renderSvg } from './svg-renderer.js';
import { selectView, type ViewSelection } from './views.js';

/**
 * Draws an architecture: view selection → ELK graph → layout (reused while the structure
 * stays the same) → SVG. The preview and `archsight render` both come through here, so
 * what CI renders is what the editor shows.
 */
export class DiagramGenerator {
    private readonly engine: ElkLayoutEngine;
    private readonly graphs = new WeakMap<ArchModel, Map<string, Promise<SelectedGraph>>>();

    constructor(services: { readonly layout: { readonly ElkFactory: ElkFactory } }) {
        this.engine = new ElkLayoutEngine(services.layout.ElkFactory);
    }

    async generate(model: ArchModel, options: DiagramOptions): Promise<DiagramResult> {
        const { selection, graph } = await this.graphOf(model, options);
        const laidOut = await this.place(graph);
        await nextTurn();
        const { svg, width, height } = renderSvg(laidOut, {
            theme: options.theme,
            legend: options.legend,
            findings: options.findings,
            changes: options.changes,
            title: model.title,
        });
        const notice = selection.notice;
        const items = itemsOf(model, laidOut);
        await nextTurn();
        return { svg, width, height, items, ...(notice ? { notice } : {}) };
    }

    /**
     * Starts laying the view out, so that a `generate` that follows (once the findings are
     * known) finds the layout done or under way. A failure shows in that `generate`.
     */
    prepare(model: ArchModel, options: LayoutChoices): void {
        this.graphOf(model, options)
            .then(({ graph }) => (graph.nodes.size > 0 ? this.engine.layoutOrRelax(graph.elk) : undefined))
            .catch(() => undefined);
    }

    /** The placed diagram without drawing it: for tests and measurements. */
    async layout(model: ArchModel, options: LayoutChoices): Promise<LaidOutDiagram> {
        return this.place((await this.graphOf(model, options)).graph);
    }

    /**
     * What is drawn and its ELK graph, worked out once per model and choices (`prepare`,
     * then `generate`), in two steps with a turn of the event loop before each: for 1,000
     * elements each takes tens of milliseconds.
     */
    private graphOf(model: ArchModel, options: LayoutChoices): Promise<SelectedGraph> {
        const key = `${options.view} ${options.focus ?? ''} ${options.direction} ${options.maxElements ?? ''}`;
        let byChoices = this.graphs.get(model);
        if (!byChoices) this.graphs.set(model, byChoices = new Map());
        let entry = byChoices.get(key);
        if (!entry) {
            entry = (async () => {
                await nextTurn();
                const selection = select(model, options);
                await nextTurn();
                return { selection, graph: toElkGraph(model, selection, options.direction) };
            })();
            byChoices.set(key, entry);
        }
        return entry;
    }

    private async place(graph: DiagramGraph): Promise<LaidOutDiagram> {
        await nextTurn();
        const direction = graph.direction;
        if (graph.nodes.size === 0) return { width: 0, height: 0, direction, nodes: [], edges: [] };
        const laidOut = await this.engine.layoutOrRelax(graph.elk);
        await nextTurn();
        return placeDiagram(laidOut, graph);
    }

    /** How many layouts are remembered for reuse. */
    get cachedLayouts(): number {
        return this.engine.cachedLayouts;
    }
}

type LayoutChoices = Pick<DiagramOptions, 'view' | 'focus' | 'direction' | 'maxElements'>;

interface SelectedGraph {
    readonly selection: ViewSelection;
    readonly graph: DiagramGraph;
}

/**
 * Lets the language server answer what came in meanwhile (hover, completion, the next
 * edit) between the stages of a large diagram, each of which takes tens of milliseconds.
 */
function nextTurn(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}

/** What a view draws, collapsed past the size limit. */
export function select(model: ArchModel, options: Pick<DiagramOptions, 'view' | 'focus' | 'maxElements'>): ViewSelection {
    return collapseGroups(model, selectView(model, options.view, options.focus), options.maxElements ?? DEFAULT_MAX_ELEMENTS);
}

/** Where each drawn node and edge is declared, for click-to-source and cursor highlighting. */
function itemsOf(model: ArchModel, diagram: LaidOutDiagram): DiagramItem[] {
    const items: DiagramItem[] = [];
    for (const node of diagram.nodes) {
        const declared = node.spec.type === 'group' ? model.groups.get(node.spec.id) : model.elements.get(node.spec.id);
        if (declared) items.push({ id: node.spec.id, type: node.spec.type, ...declared.location });
    }
    const relations = new Map(model.relations.map(r => [r.id, r]));
    for (const edge of diagram.edges) {
        // A bundle of signal links reveals the first of them.
        const relation = relations.get(edge.spec.relationIds?.[0] ?? edge.spec.id);
        if (relation) items.push({ id: edge.spec.id, type: 'relation', ...relation.location });
    }
    return items;
}
