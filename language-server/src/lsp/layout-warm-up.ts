import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ArchServices } from '../arch-module.js';
import type { Pane } from '../diagram/level-of-detail.js';
import { FIRST_PREVIEW, forPane, PreviewPaneNotification, type DiagramParams, type ServerInitOptions } from '../protocol.js';
import { isPane } from './diagram-params.js';
import { drawingOptions } from './drawing-options.js';

/** Larger files are not laid out ahead: that would keep a core busy for seconds nobody asked for. */
export const WARM_UP_MAX_ELEMENTS = 300;

/** Where the preview will open, as far as the server knows: set from the extension's last preview. */
export interface PreviewPaneHint {
    usePane(pane: Pane | undefined): void;
}

/**
 * Lays out a file's first preview as soon as the file is open in the editor and linked,
 * before anyone asks for it. Starting the layout thread, loading ELK and its first,
 * uncompiled layout took most of the 4–8 s a first preview took; now they happen while
 * the user reads the file, and the preview finds the layouts in the layout cache (same
 * graphs). With the pane of the extension's last preview (`ServerInitOptions.previewPane`,
 * `PreviewPaneNotification`) these are the levels of detail the preview will try for that
 * pane; without one, the view drawn whole. It runs in the layout thread, so the editor is
 * not slowed; once per opening of a file, not per edit; a failure only loses the head start.
 */
export function registerLayoutWarmUp(shared: LangiumSharedServices): PreviewPaneHint {
    const { TextDocuments, DocumentBuilder } = shared.workspace;
    let pane: Pane | undefined;
    const hint: PreviewPaneHint = { usePane: next => { pane = isPane(next) ? { width: next.width, height: next.height } : undefined; } };
    shared.lsp.LanguageServer.onInitialize(params => hint.usePane((params.initializationOptions as ServerInitOptions | undefined)?.previewPane));
    shared.lsp.Connection?.onNotification(PreviewPaneNotification.type, next => hint.usePane(next));
    // The layout thread starts and loads ELK (1.4 MB of compiled Java) while the editor
    // starts, not when the first diagram is asked for.
    shared.lsp.LanguageServer.onInitialized(() => startLayoutThread(shared));
    if (!TextDocuments) return hint;
    const warmed = new Set<string>();
    TextDocuments.onDidClose(({ document }) => warmed.delete(document.uri));
    DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
        const uri = document.uri.toString();
        if (warmed.has(uri) || !TextDocuments.get(uri)) return;
        warmed.add(uri);
        try {
            warmUp(shared, document, pane);
        } catch {
            // Only a head start.
        }
    });
    return hint;
}

/** Asks the layout thread a cheap question, which starts it and loads ELK. */
export function startLayoutThread(shared: LangiumSharedServices): void {
    const services = shared.ServiceRegistry.all.find(s => 'layout' in s) as ArchServices | undefined;
    services?.layout.ElkFactory().knownLayoutAlgorithms().catch(() => undefined);
}

function warmUp(shared: LangiumSharedServices, document: LangiumDocument, pane: Pane | undefined): void {
    const services = shared.ServiceRegistry.getServices(document.uri) as ArchServices;
    const model = services.model.ModelProvider.getModel(document);
    if (model.elements.size === 0 || model.elements.size > WARM_UP_MAX_ELEMENTS) return;
    if (!pane) {
        services.diagram.DiagramGenerator.prepare(model, FIRST_PREVIEW);
        return;
    }
    // What a new preview asks for (preview-panel.ts), with no cursor in a declaration (a file opens at its top).
    const params: DiagramParams = { uri: document.uri.toString(), ...FIRST_PREVIEW, theme: 'vscode', ...forPane(pane) };
    services.diagram.DiagramGenerator.prepareDrawing(model, drawingOptions(model, params));
}
