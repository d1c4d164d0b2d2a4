import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { createArchServices } from '../arch-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ArchServices } from '../arch-module.js';
import { compareDrift } from '../drift/compare-drift.js';
import { formatArch } from '../import/format-arch.js';
import { importSources } from '../import/import-sources.js';
import { writeArch } from '../import/write-arch.js';
import type { DriftParams, DriftResponse, ImportParams, ImportResponse } from '../protocol.js';
import { DriftRequest, ImportRequest } from '../protocol.js';

/**
 * Answers `archsight/import` and `archsight/drift` for the VS Code commands. Both read the
 * sources from disk here, in the server; failures (a file that is not what it claims, an
 * unreadable folder) come back as `error`, never as a rejected request or a dead server.
 */
export function registerImportDriftHandlers(shared: LangiumSharedServices, arch: ArchServices): void {
    shared.lsp.Connection?.onRequest(ImportRequest.type, params => handleImport(params));
    shared.lsp.Connection?.onRequest(DriftRequest.type, params => handleDrift(shared, arch, params));
}

// Formatting parses the text as a document: in services of its own, so the workspace's builds never see it.
let formatting: ArchServices | undefined;

export async function handleImport(params: ImportParams): Promise<ImportResponse> {
    try {
        // Origins are written relative to the folder of the first source, where the model is written.
        const system = await importSources(params.sources, { profiles: [], cwd: params.sources[0] ? path.dirname(params.sources[0]) : undefined });
        formatting ??= createArchServices(EmptyFileSystem).Arch;
        const text = await formatArch(formatting, writeArch(system, params.title));
        return { text, elements: system.elements.size, relations: system.relations.size, ...(system.warnings.length > 0 ? { warnings: system.warnings } : {}) };
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}

export async function handleDrift(shared: LangiumSharedServices, arch: ArchServices, params: DriftParams): Promise<DriftResponse> {
    try {
        const uri = URI.parse(params.uri);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
        if (document.state < DocumentState.Validated) await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const model = arch.model.ModelProvider.getModel(document);
        const system = await importSources(params.sources, { profiles: [] });
        const findings = compareDrift(model, system).map(f => ({
            code: f.code, severity: f.severity, message: f.message,
            uri: f.location?.uri ?? params.uri,
            ...(f.location ? { range: f.location.range } : {}),
            ...(f.call ? { call: f.call } : {}),
        }));
        return { findings };
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
