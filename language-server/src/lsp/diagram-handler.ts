import type { LangiumDocument } from 'langium';
import { Cancellation, DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { blastRadius } from '../analysis/blast-radius.js';
import type { ArchServices } from '../arch-module.js';
import type { DiagramChange, DiagramOptions } from '../diagram/diagram-types.js';
import { driftDiagramModel } from '../drift/drift-diagram-model.js';
import type { ArchModel } from '../model/model-types.js';
import type { DiagramParams, DiagramResponse } from '../protocol.js';
import { DiagramRequest } from '../protocol.js';
import { findingsAndPaths } from './diagram-findings.js';
import { checkDiagramParams } from './diagram-params.js';
import { drawingOptions } from './drawing-options.js';
import { RevisionChanges } from './revision-changes.js';
import { newTable } from '../util/own-keys.js';
import { viewChoices } from '../views/view-choices.js';

/** How long to wait for the language server to take in an edit it was already told about. */
const MAX_CATCH_UP_MS = 2_000;
const CATCH_UP_STEP_MS = 10;
/** How often a wait for a document's build checks that the document is still there. */
const STILL_THERE_CHECK_MS = 250;

/** Answers `archsight/diagram` on the language server's connection. */
export function registerDiagramHandler(shared: LangiumSharedServices): void {
    const handler = new DiagramHandler(shared);
    shared.lsp.Connection?.onRequest(DiagramRequest.type, (params, token) => handler.handle(params, token));
}

/**
 * Computes the diagram of a document once it is validated, with the document's findings.
 * A newer request for the same document (and theme) supersedes an older one that is still
 * waiting, so a burst of edits costs one layout, not one per keystroke. Never rejects.
 */
export class DiagramHandler {
    private readonly latest = new Map<string, number>();
    private tickets = 0;
    private readonly revisionChanges = new RevisionChanges();

    constructor(private readonly shared: LangiumSharedServices) {}

    async handle(params: DiagramParams, token: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<DiagramResponse> {
        const invalid = checkDiagramParams(params);
        if (invalid) return { uri: typeof params?.uri === 'string' ? params.uri : '', error: invalid };
        const key = `${params.uri} ${params.theme}`;
        const ticket = ++this.tickets;
        this.latest.set(key, ticket);
        const superseded = () => token.isCancellationRequested || this.latest.get(key) !== ticket;
        try {
            const uri = URI.parse(params.uri);
            // The layout needs the linked model, not the findings: it runs in its thread
            // while this one validates, and `respond` finds it in the layout cache.
            const linked = await this.currentDocument(uri, DocumentState.Linked, token, superseded);
            if (superseded()) return { uri: params.uri, superseded: true };
            this.startLayout(linked, params);
            const document = await this.currentDocument(uri, DocumentState.Validated, token, superseded);
            if (superseded()) return { uri: params.uri, superseded: true };
            return await this.respond(document, params, superseded);
        } catch (error) {
            if (superseded()) return { uri: params.uri, superseded: true };
            return { uri: params.uri, error: error instanceof Error ? error.message : String(error) };
        } finally {
            if (this.latest.get(key) === ticket) this.latest.delete(key);
        }
    }

    private startLayout(document: LangiumDocument, params: DiagramParams): void {
        if (describeSyntaxErrors(document) && !params.renderWhenStale) return;
        const services = this.shared.ServiceRegistry.getServices(document.uri) as ArchServices;
        try {
            services.diagram.DiagramGenerator.prepare(withDrift(services.model.ModelProvider.getModel(document), params).model, params);
        } catch {
            // Only a head start: the drawing that follows reports what went wrong.
        }
    }

    private async respond(document: LangiumDocument, params: DiagramParams, superseded: () => boolean): Promise<DiagramResponse> {
        const services = this.shared.ServiceRegistry.getServices(document.uri) as ArchServices;
        const declared = services.model.ModelProvider.getModel(document);
        const { findings, paths } = findingsAndPaths(declared, document.uri.toString(), document.diagnostics ?? []);
        const { model, changes } = withDrift(declared, params);
        const version = document.textDocument.version;
        const syntaxError = describeSyntaxErrors(document);
        if (syntaxError && !params.renderWhenStale) {
            return { uri: params.uri, version, stale: true, message: syntaxError, findings };
        }
        const options: DiagramOptions = { ...drawingOptions(declared, params), findings, findingPaths: paths, ...(changes ? { changes } : {}) };
        // "Changes since HEAD": the diff diagram's model (removed items put back) with its marks, drawn by the same service.
        const since = params.changesSince === undefined ? undefined : await this.revisionChanges.against(params.uri, document.textDocument.getText(), params.changesSince);
        if (superseded()) return { uri: params.uri, superseded: true };
        const drawn = since && 'model' in since ? since.model : model;
        let diagram = await services.diagram.DiagramGenerator.generate(drawn, since && 'model' in since ? { ...options, changes: since.changes } : options);
        // A removed item is declared in the revision, not in the document: nothing to reveal or highlight.
        if (since && 'model' in since) diagram = { ...diagram, items: diagram.items.filter(item => since.changes[item.id] !== 'removed') };
        if (superseded()) return { uri: params.uri, superseded: true };
        const revision = since === undefined ? undefined : 'model' in since ? { summary: since.summary } : { notice: since.notice };
        // The generator may list them itself; else the picker gets the declared views and flows here.
        if (!diagram.choices) diagram = { ...diagram, choices: viewChoices(declared) };
        const answer: DiagramResponse = { uri: params.uri, version, diagram, findings, blastRadius: blastRadii(declared), ...revision && { changes: revision } };
        return syntaxError ? { ...answer, stale: true, message: syntaxError } : answer;
    }

    /**
     * The document once it has reached `state` in the version the client last sent. The
     * client sends its edits before the request, but Langium takes them in asynchronously:
     * until it has, the document still looks done in its previous version.
     */
    private async currentDocument(uri: URI, state: DocumentState, token: Cancellation.CancellationToken, superseded: () => boolean): Promise<LangiumDocument> {
        const { DocumentBuilder, LangiumDocuments, TextDocuments, WorkspaceManager } = this.shared.workspace;
        // Only a client initializes the workspace; without one (tests) there is nothing to wait for.
        if (this.shared.lsp.Connection) await WorkspaceManager.ready;
        for (let waited = 0; ; waited += CATCH_UP_STEP_MS) {
            if (LangiumDocuments.hasDocument(uri)) {
                // Langium's wait never ends for a document deleted meanwhile: look again now and then.
                const built = DocumentBuilder.waitUntil(state, uri, token).then(() => true);
                built.catch(() => undefined); // a rejection after the race is lost is nobody's error
                const reached = await Promise.race([
                    built,
                    new Promise<false>(resolve => setTimeout(() => resolve(false), STILL_THERE_CHECK_MS)),
                ]);
                const document = LangiumDocuments.getDocument(uri);
                if (!document) throw new Error('The language server has not loaded this file.');
                if (!reached) {
                    if (superseded()) throw new Error('Superseded.');
                    waited -= CATCH_UP_STEP_MS;
                    continue;
                }
                if (isParsedFromCurrentText(document) || waited >= MAX_CATCH_UP_MS || superseded()) return document;
            } else if (!TextDocuments?.get(uri.toString()) || waited >= MAX_CATCH_UP_MS) {
                // An open editor's document is on its way into the workspace; anything else is not coming.
                throw new Error('The language server has not loaded this file.');
            }
            if (superseded()) throw new Error('Superseded.');
            await new Promise(resolve => setTimeout(resolve, CATCH_UP_STEP_MS));
        }
    }
}

/** The drift view of a model, per model and list of calls, so that `prepare` and `respond` lay out the same graph. */
const driftViews = new WeakMap<ArchModel, { key: string; model: ArchModel; changes: Record<string, DiagramChange> }>();

/** The model with the undeclared calls of the last "Check Drift…" drawn in, marked; the model itself without them. */
function withDrift(model: ArchModel, params: DiagramParams): { model: ArchModel; changes?: Record<string, DiagramChange> } {
    const calls = params.undeclaredCalls ?? [];
    if (calls.length === 0) return { model };
    const key = JSON.stringify(calls);
    const cached = driftViews.get(model);
    if (cached?.key === key) return cached;
    const view = { key, ...driftDiagramModel(model, calls) };
    driftViews.set(model, view);
    return view;
}

/** Per model: the model provider hands out one instance per workspace state, so toggling a view costs nothing. */
const blastRadiusCache = new WeakMap<ArchModel, Record<string, string[]> | undefined>();

/** What fails with each element or group, for those whose failure takes anything with it (about 0.15 ms per element). */
function blastRadii(model: ArchModel): Record<string, string[]> | undefined {
    if (!blastRadiusCache.has(model)) blastRadiusCache.set(model, computeBlastRadii(model));
    return blastRadiusCache.get(model);
}

function computeBlastRadii(model: ArchModel): Record<string, string[]> | undefined {
    const result = newTable<string[]>();
    try {
        for (const id of [...model.elements.keys(), ...model.groups.keys()]) {
            const affected = blastRadius(model, id);
            if (affected.length > 0) result[id] = affected;
        }
    } catch {
        // The highlight is an extra: a failing analysis must not cost the diagram.
        return undefined;
    }
    return result;
}

function isParsedFromCurrentText(document: LangiumDocument): boolean {
    const root = document.parseResult.value.$cstNode?.root;
    return !root || root.fullText === document.textDocument.getText();
}

/** One sentence on where the file stops parsing, or undefined when it parses. */
function describeSyntaxErrors(document: LangiumDocument): string | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    const count = lexerErrors.length + parserErrors.length;
    if (count === 0) return undefined;
    const lines = [
        ...lexerErrors.map(e => e.line),
        ...parserErrors.map(e => Number.isNaN(e.token.startLine) ? undefined : e.token.startLine),
    ].filter((line): line is number => typeof line === 'number' && line > 0);
    const where = lines.length > 0 ? ` (first on line ${Math.min(...lines)})` : '';
    return `The file has ${count === 1 ? 'a syntax error' : `${count} syntax errors`}${where}.`;
}
