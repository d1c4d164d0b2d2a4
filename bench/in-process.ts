// In-process measurements: bundled by bench/run.mjs so it runs on the same code as the product.
import { EmptyFileSystem, URI } from 'langium';
import { createArchServices } from '../language-server/src/arch-module.js';
import type { Model } from '../language-server/generated/ast.js';
import { select } from '../language-server/src/diagram/diagram-generator.js';
import { toElkGraph } from '../language-server/src/diagram/elk-graph.js';
import { ElkThread } from '../language-server/src/diagram/elk-thread.js';
import { placeDiagram } from '../language-server/src/diagram/placement.js';
import { renderSvg } from '../language-server/src/diagram/svg-renderer.js';
import { selectView } from '../language-server/src/diagram/views.js';
import { collectDiagnostics } from '../language-server/src/cli/diagnostics.js';
import { diffModels, type DiffSide } from '../language-server/src/diff/model-diff.js';
import { flowCard } from '../language-server/src/lsp/flow-cards.js';
import { BUILTIN_RULES } from '../language-server/src/rules/rule-registry.js';
import { defaultThresholds } from '../language-server/src/rules/rule.js';
import { layoutShift, type LayoutShift } from '../language-server/src/diagram/layout-shift.js';

/** The model of `text` as one file, parsed and linked in a fresh workspace, with its services. */
async function linkedModel(text: string) {
    const { shared, Arch } = createArchServices(EmptyFileSystem);
    const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file('/bench/diagram.arch'));
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([doc], { validation: false });
    return { Arch, model: Arch.model.ModelProvider.getModel(doc) };
}

/**
 * The flow rules over a model with long flows (bench/flow-model.mjs): the time of the four
 * rules on a freshly linked model (the first computes the flows' budgets, the others reuse
 * them), and of the hover card of a flow, with the findings counted.
 */
export async function flowRuleTimes(text: string, runs: number): Promise<{ rulesMs: number[]; cardMs: number[]; findings: number }> {
    const flowRules = BUILTIN_RULES.filter(r => r.id.startsWith('flow-'));
    const rulesMs: number[] = [];
    const cardMs: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
        const { model } = await linkedModel(text);
        let start = performance.now();
        findings = flowRules.reduce((n, rule) => n + rule.check(model, { thresholds: defaultThresholds(rule) }).length, 0);
        rulesMs.push(performance.now() - start);
        start = performance.now();
        for (const flow of model.flows.values()) flowCard(model, flow);
        cardMs.push(performance.now() - start);
    }
    return { rulesMs, cardMs, findings };
}

/** Parses, links and validates (rules included) the files in a fresh workspace; returns the diagnostics count. */
export async function checkFiles(files: Record<string, string>): Promise<number> {
    const { shared } = createArchServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const doc = factory.fromString<Model>(text, URI.file(`/bench/${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
}

/**
 * Builds the workspace, then changes one character of `target` `edits` times through the
 * document builder's update, as the language server does on didChange. Returns the
 * time of each edit until the changed document is validated again.
 */
export async function editTimes(files: Record<string, string>, target: string, edits: number): Promise<number[]> {
    // The builder re-reads a changed document from the file system: serve the texts from memory.
    const texts = new Map(Object.entries(files).map(([name, text]) => [URI.file(`/bench/${name}`).toString(), text]));
    const fileSystemProvider = () => ({
        ...EmptyFileSystem.fileSystemProvider(),
        readFile: async (uri: URI) => texts.get(uri.toString()) ?? '',
        readFileSync: (uri: URI) => texts.get(uri.toString()) ?? '',
    });
    const { shared } = createArchServices({ fileSystemProvider } as typeof EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const documents = Object.entries(files).map(([name, text]) => {
        const doc = factory.fromString<Model>(text, URI.file(`/bench/${name}`));
        langiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const uri = URI.file(`/bench/${target}`);
    const text = files[target];
    const at = text.indexOf('"Service') + 1;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
        const changed = text.slice(0, at) + (i % 2 ? 'S' : 's') + text.slice(at + 1);
        const start = performance.now();
        texts.set(uri.toString(), changed);
        await shared.workspace.DocumentBuilder.update([uri], []);
        times.push(performance.now() - start);
    }
    return times;
}

export interface StageTimes {
    /** Elements and groups drawn, relations and bundles drawn. */
    readonly nodes: number;
    readonly edges: number;
    /** View selection and the ELK graph (measured text, sizes). */
    readonly graphMs: number;
    /** ELK in its worker thread, including the copy of the graph there and back. */
    readonly layoutMs: number;
    /** Placement in absolute coordinates and the SVG text. */
    readonly svgMs: number;
    readonly totalMs: number;
}

/**
 * The diagram pipeline stage by stage on the architecture in `text`: model → ELK graph →
 * layout → SVG, as the language server runs it, without the layout cache; the whole view,
 * or (`asPreview`) what the preview draws, collapsed past the size limit. The first run
 * lays out in a fresh layout thread (ELK loaded and compiled cold); `runs` more follow.
 */
export async function diagramStages(text: string, runs: number, asPreview = false): Promise<{ first: StageTimes; warm: StageTimes[] }> {
    const { model } = await linkedModel(text);
    const thread = new ElkThread();
    const once = async (): Promise<StageTimes> => {
        const t0 = performance.now();
        // The preview collapses groups past its size limit; the full view draws every element.
        const graph = toElkGraph(model, asPreview ? select(model, { view: 'all' }) : selectView(model, 'all'), 'RIGHT');
        const t1 = performance.now();
        const laidOut = await thread.layout(graph.elk);
        const t2 = performance.now();
        const placed = placeDiagram(laidOut, graph);
        renderSvg(placed, { theme: 'vscode', legend: true, title: model.title });
        const t3 = performance.now();
        return { nodes: graph.nodes.size, edges: graph.edges.size, graphMs: t1 - t0, layoutMs: t2 - t1, svgMs: t3 - t2, totalMs: t3 - t0 };
    };
    try {
        const first = await once();
        const warm: StageTimes[] = [];
        for (let i = 0; i < runs; i++) warm.push(await once());
        return { first, warm };
    } finally {
        thread.terminateWorker();
    }
}

/** The ELK graph of the architecture in `text`, as the overview sends it to ELK (for experiments). */
export async function elkGraphOf(text: string, maxElements?: number): Promise<unknown> {
    const { model } = await linkedModel(text);
    return toElkGraph(model, select(model, { view: 'all', maxElements }), 'RIGHT').elk;
}

/** The diagram the preview shows for `text` (collapsed past the preview's size limit), as the language server sends it. */
export async function previewDiagram(text: string): Promise<{ svg: string; width: number; height: number; boxes: number; collapsed: boolean }> {
    const { Arch, model } = await linkedModel(text);
    const diagram = await Arch.diagram.DiagramGenerator.generate(model, { view: 'all', direction: 'DOWN', theme: 'vscode', legend: true });
    const boxes = diagram.items.filter(item => item.type !== 'relation').length;
    return { svg: diagram.svg, width: diagram.width, height: diagram.height, boxes, collapsed: select(model, { view: 'all' }).collapsed !== undefined };
}

export { createNonce, previewHtml } from '../extension/src/preview/preview-html.js';

/**
 * `archsight diff` of two single-file architectures in process: each side parsed, linked
 * and checked in its own workspace (as the CLI does), then compared. Returns both times.
 */
export async function diffTimes(before: string, after: string): Promise<{ checkMs: number; diffMs: number; items: number; introduced: number; fixed: number }> {
    const start = performance.now();
    const old = await checkedSide('before', before);
    const now = await checkedSide('after', after);
    const checked = performance.now();
    const diff = diffModels(old, now, location => ({ file: location.uri, line: location.range.start.line + 1, uri: location.uri }));
    const done = performance.now();
    return { checkMs: checked - start, diffMs: done - checked, items: diff.items.length, introduced: diff.introduced.length, fixed: diff.fixed.length };
}

async function checkedSide(name: string, text: string): Promise<DiffSide> {
    const { shared, Arch } = createArchServices(EmptyFileSystem);
    const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(`/bench/${name}.arch`));
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([doc], { validation: true });
    const findings = collectDiagnostics([doc], '/bench').map(d => ({
        rule: d.code ?? 'syntax-error', severity: d.severity === 'hint' ? 'info' as const : d.severity, message: d.message, subject: d.subject,
        place: { file: d.display, line: d.line, uri: d.file },
    }));
    return { name, model: Arch.model.ModelProvider.getModel(doc), findings };
}

/** `text` with one service more, called by the first workload of the file: the edit the stability section makes. */
export function withOneMoreService(text: string): string {
    const caller = /^\s*(?:service|function|component)\s+(\w+)/m.exec(text)?.[1];
    const end = text.lastIndexOf('}');
    if (caller === undefined || end < 0) return text;
    return `${text.slice(0, end)}  service addedOne "Added one" : go\n  ${caller} -> addedOne : grpc\n${text.slice(end)}`;
}

/**
 * Stability: `text` laid out (every group open, tiers down), then with one service more,
 * by the same generator (the last layout as hints) and from scratch. How many of the
 * elements drawn in both moved more than 5 px, and by how much (median), as laid out and
 * relative to the element the preview's view is anchored on (`layout-shift.ts`).
 */
export async function layoutStability(text: string): Promise<{ hinted: LayoutShift; fresh: LayoutShift; layoutMs: { first: number; hinted: number } }> {
    const { shared, Arch } = createArchServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const options = { view: 'all', direction: 'DOWN', level: 'full' } as const;
    const generator = Arch.diagram.DiagramGenerator;
    const modelAt = async (source: string, uri: string) => {
        const doc = factory.fromString<Model>(source, URI.file(uri));
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: false });
        const model = Arch.model.ModelProvider.getModel(doc);
        shared.workspace.LangiumDocuments.deleteDocument(doc.uri);
        return model;
    };
    let start = performance.now();
    const before = await generator.layout(await modelAt(text, '/bench/stable.arch'), options);
    const first = performance.now() - start;
    start = performance.now();
    const hinted = await generator.layout(await modelAt(withOneMoreService(text), '/bench/stable.arch'), options);
    const hintedMs = performance.now() - start;
    const fresh = await generator.layout(await modelAt(withOneMoreService(text), '/bench/fresh.arch'), options);
    return { hinted: layoutShift(before, hinted), fresh: layoutShift(before, fresh), layoutMs: { first, hinted: hintedMs } };
}
