import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ArchServices } from '../arch-module.js';
import { toDrawio } from '../export/drawio.js';
import { toMermaid } from '../export/mermaid.js';
import { modelToJson } from '../export/model-json.js';
import { ExportRequest, type ExportParams, type ExportResponse } from '../protocol.js';
import { checkDiagramParams } from './diagram-params.js';

/** Answers `archsight/export` on the language server's connection. */
export function registerExportHandler(shared: LangiumSharedServices): void {
    shared.lsp.Connection?.onRequest(ExportRequest.type, params => exportText(shared, params));
}

/**
 * The text formats of "Export Diagram…" (Mermaid, draw.io, the model as JSON), written from
 * the document as the editor holds it and the view the preview shows, as `archsight render`
 * writes them. Never rejects: a failure is an `error` in the answer.
 */
export async function exportText(shared: LangiumSharedServices, params: ExportParams): Promise<ExportResponse> {
    try {
        const invalid = checkDiagramParams(params);
        if (invalid) return { error: invalid };
        if (!['mermaid', 'drawio', 'json'].includes(params.format)) return { error: `Unknown export format '${String(params.format)}'.` };
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return { error: 'The language server has not loaded this file.' };
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri);
        const document = documents.getDocument(uri)!;
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length + parserErrors.length > 0) return { error: 'The file has syntax errors; fix them first.' };
        const services = shared.ServiceRegistry.getServices(uri) as ArchServices;
        const model = services.model.ModelProvider.getModel(document);
        if (params.format === 'json') return { text: JSON.stringify(modelToJson(model), null, 2) + '\n' };
        const options = {
            view: params.view, focus: params.focus, direction: params.direction, theme: 'light', legend: false, level: params.level, expand: params.expand,
            // The view the preview shows, when the file declares it.
            ...(typeof params.named === 'string' ? { named: params.named } : {}),
        } as const;
        const laidOut = await services.diagram.DiagramGenerator.layout(model, options);
        return { text: params.format === 'mermaid' ? toMermaid(laidOut, model, params.direction) : toDrawio(laidOut, model.title) };
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
