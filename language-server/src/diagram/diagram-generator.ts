import type { ArchModel } from '../model/model-types.js';
import { collapseGroups, DEFAULT_MAX_ELEMENTS, levelBoxes } from './collapse.js';
import { bundleEdges } from './edge-bundles.js';
import { thinDenseParts } from './dense-selection.js';
import { isLayoutTimeout } from './layout-budget.js';
import { candidateLevels, MIN_TEXT_PX, openAtLevel, textPxAtFit } from './level-of-detail.js';
import { drawnArea } from './drawn-area.js';
import { LevelEstimate } from './level-estimate.js';
import type { DiagramItem, DiagramOptions, DiagramResult } from './diagram-types.js';
import { drawingBoxes, toElkGraph, type DiagramGraph, type DrawingBoxes } from './elk-graph.js';
import { ElkLayoutEngine, type ElkFactory } from './elk-layout.js';
import type { FlowDirection, LaidOutDiagram } from './graph-types.js';
import type { LayoutStore } from './layout-store.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { PreviousLayouts } from './layout-hints.js';
import { layoutShift } from './layout-shift.js';
import { lookAhead, nextTurn } from './look-ahead.js';
import { placeDiagram } from './placement.js';
import { drawnSubject } from './view-subject.js';
import { renderSvg } from './svg-renderer.js';
import type { ViewSelection } from './views.js';
import { selectFor } from '../views/select-for.js';
import type { ModelFlow } from '../model/view-types.js';
import { flowGroups, flowRelations, selectFlow } from '../flows/flow-selection.js';
import { flowMarks } from '../flows/flow-marks.js';
import type { StepBudgets } from '../flows/step-budget.js';
import { ruleBudgets } from '../flows/rule-budgets.js';
import { drawSequence } from '../flows/sequence-diagram.js';
import { viewChoices } from '../views/view-choices.js';

/**
 * Draws an architecture: view selection → ELK graph → layout (reused while the structure
 * stays the same) → SVG. The preview and `archsight render` both come through here, so
 * what CI renders is what the editor shows.
 */
export class DiagramGenerator {
    private readonly engine: ElkLayoutEngine;
    private readonly graphs = new WeakMap<ArchModel, Map<string, Promise<SelectedGraph>>>();
    /** The last layout of each view, by document and choices: hints for the next (`layout-hints.ts`). */
    private readonly previous = new PreviousLayouts();

    constructor(services: { readonly layout: { readonly ElkFactory: ElkFactory } }) {
        this.engine = new ElkLayoutEngine(services.layout.ElkFactory);
    }

    /** Each step's budget, for the flow's badges and sequence diagram (the flow rules provide it). */
    stepBudgets: StepBudgets = ruleBudgets;

    async generate(model: ArchModel, options: DiagramOptions): Promise<DiagramResult> {
        const flow = flowOf(model, options);
        const choices = viewChoices(model);
        if (flow && options.as === 'sequence') {
            await nextTurn();
            return { ...drawSequence(model, flow, { theme: options.theme, title: flowTitle(model, flow), budgets: this.stepBudgets(model, flow) }), choices };
        }
        const { selection, laidOut, base } = await this.drawingInTime(model, options);
        await nextTurn();
        const { svg, width, height } = renderSvg(laidOut, {
            theme: options.theme,
            legend: options.legend,
            findings: options.findings,
            findingPaths: options.findingPaths,
            changes: options.changes,
            title: (flow ? flowTitle(model, flow) : viewTitle(model, options)) ?? model.title,
            ...(flow ? { flow: flowMarks(model, flow, this.stepBudgets) } : {}),
        });
        const notice = selection.notice;
        const items = itemsOf(model, laidOut);
        const subject = drawnSubject(model, base, laidOut, options.hint, flow);
        await nextTurn();
        return { svg, width, height, items, direction: laidOut.direction, ...(notice ? { notice } : {}), choices, ...(subject !== undefined ? { subject } : {}) };
    }

    /**
     * The drawing; if its layout was stopped at its time budget, the drawing with only the
     * shortest lines (about one per box), which lays out in a fraction of that time, and a
     * notice that says what is left out. If that would leave nothing out, the layout's
     * message stands: what took long was the boxes, and they would take long again.
     */
    private async drawingInTime(model: ArchModel, options: DiagramOptions): Promise<Drawing> {
        try {
            return await this.drawing(model, options);
        } catch (error) {
            if (!isLayoutTimeout(error) || !thinsFurther(model, options)) throw error;
            return this.drawing(model, options, 'sparse');
        }
    }

    /**
     * What to draw and where. With a pane (or a level, or groups to expand), levels of
     * detail are tried from the most detailed, in one direction or both, until the labels
     * read at least MIN_TEXT_PX in the pane; of the layouts tried the one that reads
     * largest is kept. Levels and directions that the layouts so far say will not read, or
     * will read smaller than the other direction, are skipped without a layout (`level-estimate.ts`).
     * When the boxes of the most detailed level alone are too large to read, the last level
     * is laid out first: the guesses then go by it, and most levels between are skipped.
     * A zoomable drawing (the preview) is never drawn with the view's subject closed: when no
     * level with it open reads, the preview opens the one that reads largest at readable text.
     */
    private async drawing(model: ArchModel, asked: DiagramOptions, lines: Lines = 'within-budget'): Promise<Drawing> {
        const options = withViewDefaults(model, asked);
        if (!options.pane && options.level === undefined && !options.expand?.length && !options.chooseDirection) {
            const { selection, graph } = await this.graphOf(model, options, lines);
            return { selection, base: selection, laidOut: await this.place(graph, viewKey(model, options)) };
        }
        const flow = flowOf(model, options);
        const base = collapseGroups(model, selectDrawn(model, options), options.maxElements ?? DEFAULT_MAX_ELEMENTS);
        const pane = options.pane;
        const level = options.level ?? (pane ? 'auto' : 'full');
        // The groups a flow passes through stay open: no step may hide in a closed group.
        const expand = [...(options.expand ?? []), ...(flow ? flowGroups(model, flow) : [])];
        const levels: (ReadonlySet<string> | undefined)[] = base.collapsed ? [undefined]
            : level === 'auto' ? candidateLevels(model, base, expand, options.hint, options.zoomable)
            : level === 'full' ? [undefined]
            : [openAtLevel(model, base, level, expand)];
        const other = options.direction === 'RIGHT' ? 'DOWN' : 'RIGHT';
        const directions = options.chooseDirection && pane ? [options.direction, other] as const : [options.direction] as const;
        const estimate = pane && new LevelEstimate(pane);
        let best: { selection: ViewSelection; laidOut: LaidOutDiagram; px: number; level: number } | undefined;
        // Each level's boxes, worked out once: when the loop comes to it, or ahead, while a layout runs.
        const prepared: PreparedLevel[] = [];
        const prepare = (i: number): PreparedLevel => prepared[i] ??= prepareLevel(model, base, levels[i], lines, flow);
        const layOut = async (i: number, direction: FlowDirection, next: number) => {
            const level = prepare(i);
            const { selection, boxes } = level.drawn();
            const placing = this.place(boxes.graph(direction), `${viewKey(model, options)} ${[...selection.groupIds].filter(id => !selection.collapsed?.has(id)).sort().join(',')}`);
            if (estimate) lookAhead(placing, next, levels.length, prepare);
            const laidOut = await placing;
            // The legend grows with what is drawn (badges, closed groups): measure the drawing as it will be.
            const size = renderSvg(laidOut, { theme: 'light', legend: options.legend, findings: options.findings, findingPaths: options.findingPaths });
            estimate?.record(direction, level.area, size.width, size.height);
            return { selection, laidOut, px: pane ? textPxAtFit(size.width, size.height, pane) : 0 };
        };
        const last = levels.length - 1;
        // When not even the most detailed level can read (its boxes alone are too large for
        // the pane), the level drawn as the last resort is laid out first: it is laid out
        // whenever no level before it reads, and it tells how much room the others will take.
        const probe = estimate && last > 0 && !estimate.mayRead(prepare(0).area) ? await layOut(last, directions[0], 0) : undefined;
        for (let i = 0; i < levels.length; i++) {
            await nextTurn();
            const { area } = prepare(i);
            for (const direction of directions) {
                const tried = i === last && direction === directions[0] ? probe : undefined;
                // The last level is always drawn if nothing better was: a diagram is drawn even when it cannot read.
                if (!tried && estimate && (i < last
                    ? !estimate.worthLayingOut(direction, area, best?.level === i ? best.px : undefined)
                    : !estimate.mayReadAsLarge(direction, area, best?.px))) continue;
                const { selection, laidOut, px } = tried ?? await layOut(i, direction, i + 1);
                if (!best || px > best.px + 0.05) best = { selection, laidOut, px, level: i };
            }
            if (!pane || (best && best.px >= MIN_TEXT_PX)) break;
        }
        return { ...best!, base };
    }

    /**
     * Starts laying the view out whole, so that a `generate` that follows (once the findings
     * are known) finds the layout done or under way. A failure shows in that `generate`.
     */
    prepare(model: ArchModel, options: LayoutChoices): void {
        this.graphOf(model, options)
            .then(({ graph }) => (graph.nodes.size > 0 ? this.engine.layoutOrRelax(this.hinted(graph, viewKey(model, options))) : undefined))
            .catch(() => undefined);
    }

    /**
     * Lays out ahead what `generate` will with these options, the levels of detail it will
     * try included, for a drawing asked for later (a file opened in the editor, before its
     * preview). Without the findings, which change only the badges and the legend, it may
     * try a level more or less than the drawing will. A failure only loses the head start.
     */
    prepareDrawing(model: ArchModel, options: DiagramOptions): void {
        if (flowOf(model, options) && options.as === 'sequence') return;
        this.drawingInTime(model, options).catch(() => undefined);
    }

    /** The placed diagram without drawing it: for tests and measurements. */
    async layout(model: ArchModel, options: LayoutChoices & Partial<Pick<DiagramOptions, 'pane' | 'chooseDirection' | 'level' | 'expand' | 'legend'>>): Promise<LaidOutDiagram> {
        return (await this.drawingInTime(model, { theme: 'light', legend: false, ...options })).laidOut;
    }

    /**
     * What is drawn and its ELK graph, worked out once per model and choices (`prepare`,
     * then `generate`), in two steps with a turn of the event loop before each: for 1,000
     * elements each takes tens of milliseconds.
     */
    private graphOf(model: ArchModel, options: LayoutChoices, lines: Lines = 'within-budget'): Promise<SelectedGraph> {
        const key = `${options.view} ${options.named ?? ''} ${options.flow ?? ''} ${options.focus ?? ''} ${options.direction} ${options.maxElements ?? ''} ${lines}`;
        let byChoices = this.graphs.get(model);
        if (!byChoices) this.graphs.set(model, byChoices = new Map());
        let entry = byChoices.get(key);
        if (!entry) {
            entry = (async () => {
                await nextTurn();
                const selection = select(model, options, lines);
                await nextTurn();
                return { selection, graph: toElkGraph(model, selection, options.direction) };
            })();
            byChoices.set(key, entry);
        }
        return entry;
    }

    /**
     * Lays `graph` out with the last layout of the same view (`key`) as hints, so that an
     * edit that adds or removes an element leaves the others where they were
     * (`layout-hints.ts`); then remembers this layout for the next edit.
     */
    private async place(graph: DiagramGraph, view: string): Promise<LaidOutDiagram> {
        await nextTurn();
        const direction = graph.direction;
        if (graph.nodes.size === 0) return { width: 0, height: 0, direction, nodes: [], edges: [] };
        const key = layoutKeyOf(graph, view);
        const last = this.previous.lastOf(key);
        let input = this.hinted(graph, view);
        let laidOut = await this.engine.layoutOrRelax(input);
        await nextTurn();
        let placed = placeDiagram(laidOut, graph);
        // Hints keep most drawings still, but not all: on some the layout from scratch moves
        // fewer of the elements drawn before (`layoutShift`). Both are laid out; the stiller is
        // kept. Not on large drawings, where a second layout takes seconds.
        if (last?.placed && input !== graph.elk && input !== last.input && graph.nodes.size <= COMPARE_MAX_NODES) {
            const plain = await this.engine.layoutOrRelax(graph.elk);
            await nextTurn();
            const plainPlaced = placeDiagram(plain, graph);
            if (layoutShift(last.placed, plainPlaced).movedAnchored < layoutShift(last.placed, placed).movedAnchored) {
                input = graph.elk;
                laidOut = plain;
                placed = plainPlaced;
            }
        }
        this.previous.remember(key, graph.elk, input, laidOut, placed);
        return placed;
    }

    private hinted(graph: DiagramGraph, view: string): ElkNode {
        return this.previous.hints(layoutKeyOf(graph, view), graph.elk, graph.direction === 'DOWN' ? 'x' : 'y');
    }

    /** Keeps layouts in `store` as well, between runs (`archsight render --cache`, the preview's first drawing). */
    useLayoutStore(store: LayoutStore | undefined): void {
        this.engine.store = store;
    }

    /** Starts the layout thread and loads ELK now, while the caller parses the file. */
    startLayoutThread(): void {
        this.engine.startThread();
    }

    /** How many layouts are remembered for reuse. */
    get cachedLayouts(): number {
        return this.engine.cachedLayouts;
    }
}

/** Up to how many nodes an edited drawing is laid out from scratch too, to keep the one that moves less (about 0.5 s a layout at 200). */
const COMPARE_MAX_NODES = 200;

/** What is drawn and where; `base` is the view's selection before levels of detail closed groups. */
interface Drawing {
    readonly selection: ViewSelection;
    readonly base: ViewSelection;
    readonly laidOut: LaidOutDiagram;
}

type LayoutChoices = Pick<DiagramOptions, 'view' | 'named' | 'flow' | 'focus' | 'direction' | 'maxElements'>;

interface SelectedGraph {
    readonly selection: ViewSelection;
    readonly graph: DiagramGraph;
}

/**
 * A level of detail: the area of its boxes, and what it draws with its boxes and lines,
 * worked out only when it is laid out. Most levels are skipped on their area alone
 * (`level-estimate.ts`), which `drawnArea` gives without building the graph.
 */
export interface PreparedLevel {
    readonly area: number;
    drawn(): { readonly selection: ViewSelection; readonly boxes: DrawingBoxes };
}

export function prepareLevel(model: ArchModel, base: ViewSelection, open: ReadonlySet<string> | undefined, lines: Lines, flow: ModelFlow | undefined): PreparedLevel {
    let drawn: ReturnType<PreparedLevel['drawn']> | undefined;
    return {
        area: drawnArea(model, open ? levelBoxes(model, base, open) : base),
        drawn() {
            if (!drawn) {
                const selection = finishSelection(model, open ? collapseGroups(model, base, Infinity, open) : base, lines, flow);
                drawn = { selection, boxes: drawingBoxes(model, selection) };
            }
            return drawn;
        },
    };
}

/**
 * What a declared view says of its own drawing: its `level` replaces `auto` (a context view
 * starts with its systems closed), its `direction` replaces a direction to be chosen.
 */
function withViewDefaults(model: ArchModel, options: DiagramOptions): DiagramOptions {
    const view = options.named !== undefined ? model.views.get(options.named) : undefined;
    if (!view) return options;
    const level = view.level !== undefined && (options.level === undefined || options.level === 'auto') ? { level: view.level } : {};
    const direction = view.direction && options.chooseDirection ? { direction: view.direction, chooseDirection: false } : {};
    return { ...options, ...level, ...direction };
}

/**
 * Whose last layout is a layout's hint: the same view's in the same direction (with the
 * direction chosen for the pane, both are laid out: one is no hint for the other).
 */
function layoutKeyOf(graph: DiagramGraph, view: string): string {
    return `${view} ${graph.direction}`;
}

/** The document and the choices that make a view: its last layout is the next one's hint. */
function viewKey(model: ArchModel, options: LayoutChoices): string {
    return `${model.uri} ${options.view} ${options.named ?? ''} ${options.focus ?? ''} ${options.direction} ${options.maxElements ?? ''}`;
}

/** A declared view's title, else its label, else none (the architecture's title is drawn). */
function viewTitle(model: ArchModel, options: Pick<DiagramOptions, 'named'>): string | undefined {
    const view = options.named !== undefined ? model.views.get(options.named) : undefined;
    return view ? view.title ?? (model.title ? `${model.title}: ${view.label}` : view.label) : undefined;
}

/**
 * Which lines a drawing keeps: those within ELK's budget (`dense-selection.ts`), or, after
 * a layout was stopped at its time budget, only the shortest (about one per box).
 */
export type Lines = 'within-budget' | 'sparse';

/** What a view draws, collapsed past the size limit. */
export function select(model: ArchModel, options: Pick<DiagramOptions, 'view' | 'focus' | 'named' | 'flow' | 'maxElements'>, lines: Lines = 'within-budget'): ViewSelection {
    return finishSelection(model, collapseGroups(model, selectDrawn(model, options), options.maxElements ?? DEFAULT_MAX_ELEMENTS), lines, flowOf(model, options));
}

/** Whether the sparse drawing of the view leaves out lines the first one drew. */
function thinsFurther(model: ArchModel, options: DiagramOptions): boolean {
    const count = (s: ViewSelection) => s.relations.length + (s.edgeBundles?.length ?? 0) + (s.merged?.length ?? 0);
    return count(select(model, options, 'sparse')) < count(select(model, options));
}

/** The flow to draw, when the model has it (the preview may ask for one an edit just removed: then the view is drawn). */
function flowOf(model: ArchModel, options: Pick<DiagramOptions, 'flow'>): ModelFlow | undefined {
    return options.flow !== undefined ? model.flows.get(options.flow) : undefined;
}

/** A flow draws among its neighbours, or within the declared view asked for with it. */
function selectDrawn(model: ArchModel, options: Pick<DiagramOptions, 'view' | 'focus' | 'named' | 'flow'>): ViewSelection {
    const flow = flowOf(model, options);
    if (!flow) return selectFor(model, options);
    return selectFlow(model, flow, options.named !== undefined && model.views.has(options.named) ? selectFor(model, options) : undefined);
}

function flowTitle(model: ArchModel, flow: ModelFlow): string {
    return model.title ? `${model.title}: ${flow.label}` : flow.label;
}

/**
 * Bundles the relations of an overview (focus draws each relation, and collapsed groups
 * have them merged already), then leaves out what a dense part would make ELK work on for
 * minutes. A flow's steps are never bundled nor left out: each carries its number.
 */
function finishSelection(model: ArchModel, selection: ViewSelection, lines: Lines, flow?: ModelFlow): ViewSelection {
    const sparse = lines === 'sparse';
    if (selection.collapsed || selection.focus !== undefined) return thinDenseParts(selection, sparse);
    if (!flow) return thinDenseParts(bundleEdges(model, selection), sparse);
    const steps = new Set(flowRelations(model, flow));
    const rest = thinDenseParts(bundleEdges(model, { ...selection, relations: selection.relations.filter(r => !steps.has(r)) }), sparse);
    return { ...rest, relations: [...rest.relations, ...selection.relations.filter(r => steps.has(r))] };
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
