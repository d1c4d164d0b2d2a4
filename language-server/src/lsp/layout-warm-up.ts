import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ArchServices } from '../arch-module.js';
import { FIRST_PREVIEW } from '../protocol.js';

/** Larger files are not laid out ahead: that would keep a core busy for seconds nobody asked for. */
export const WARM_UP_MAX_ELEMENTS = 300;

/**
 * Lays out a file's first preview as soon as the file is open in the editor and linked,
 * before anyone asks for it. Starting the layout thread, loading ELK and its first,
 * uncompiled layout took most of the 4–8 s a first preview took; now they happen while
 * the user reads the file, and the preview finds the layout in the layout cache (same
 * graph). It runs in the layout thread, so the editor is not slowed; once per opening
 * of a file, not per edit; a failure only loses the head start.
 */
export function registerLayoutWarmUp(shared: LangiumSharedServices): void {
    const { TextDocuments, DocumentBuilder } = shared.workspace;
    // The layout thread starts and loads ELK (1.4 MB of compiled Java) while the editor
    // starts, not when the first diagram is asked for.
    shared.lsp.LanguageServer.onInitialized(() => startLayoutThread(shared));
    if (!TextDocuments) return;
    const warmed = new Set<string>();
    TextDocuments.onDidClose(({ document }) => warmed.delete(document.uri));
    DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
        const uri = document.uri.toString();
        if (warmed.has(uri) || !TextDocuments.get(uri)) return;
        warmed.add(uri);
        try {
            warmUp(shared, document);
        } catch {
            // Only a head start.
        }
    });
}

/** Asks the layout thread a cheap question, which starts it and loads ELK. */
export function startLayoutThread(shared: LangiumSharedServices): void {
    const services = shared.ServiceRegistry.all.find(s => 'layout' in s) as ArchServices | undefined;
    services?.layout.ElkFactory().knownLayoutAlgorithms().catch(() => undefined);
}

function warmUp(shared: LangiumSharedServices, document: LangiumDocument): void {
    const services = shared.ServiceRegistry.getServices(document.uri) as ArchServices;
    const model = services.model.ModelProvider.getModel(document);
    if (model.elements.size === 0 || model.elements.size > WARM_UP_MAX_ELEMENTS) return;
    services.diagram.DiagramGenerator.prepare(model, { view: FIRST_PREVIEW.view, direction: FIRST_PREVIEW.direction });
}
