import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createArchServices, type ArchServices } from '../arch-module.js';
import { loadSide, sideSpec, type SideSpec } from '../cli/diff-sides.js';
import { UsageError } from '../cli/files.js';
import { repositoryRoot, resolveRevision } from '../cli/git-files.js';
import { diffDiagramModel } from '../diff/diff-diagram-model.js';
import { summaryLine } from '../diff/format-diff-text.js';
import { diffModels } from '../diff/model-diff.js';
import type { CompareParams, CompareResponse } from '../protocol.js';
import { CompareRequest } from '../protocol.js';

/**
 * Answers `archsight/compare`: the document as the editor holds it against a git revision
 * of it or another file, as `archsight diff` compares them, drawn by the server's diagram
 * service with the changes marked. Each side is read into services of its own, never into
 * the editor's workspace. Never rejects: a failure is an `error` in the answer.
 */
export function registerCompareHandler(shared: LangiumSharedServices): void {
    shared.lsp.Connection?.onRequest(CompareRequest.type, params => compare(shared, params));
}

export async function compare(shared: LangiumSharedServices, params: CompareParams): Promise<CompareResponse> {
    const uri = URI.parse(params.uri);
    const file = uri.fsPath;
    const folder = path.dirname(file);
    const againstName = params.against.kind === 'revision' ? params.against.revision : path.basename(URI.parse(params.against.uri).fsPath);
    const title = `${path.basename(file)} ↔ ${againstName}`;
    try {
        const document = shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument | undefined;
        const text = document?.textDocument.getText();
        if (text === undefined) return { title, error: 'The document is not open in the language server.' };
        const before = await oldSide(params, file, folder);
        const after: SideSpec = { type: 'sources', name: `${path.basename(file)} (editor)`, sources: [{ path: file, text }] };
        const reader = createArchServices(NodeFileSystem).Arch;
        const old = await loadSide(reader, before, {}, folder);
        const now = await loadSide(reader, after, {}, folder);
        const diff = diffModels(old.side, now.side, location => {
            const at = URI.parse(location.uri).fsPath;
            return { file: path.relative(folder, at) || at, line: location.range.start.line + 1, uri: location.uri };
        });
        const { model, changes } = diffDiagramModel(old.side.model, now.side.model, diff);
        const services = shared.ServiceRegistry.getServices(uri) as ArchServices;
        const drawn = await services.diagram.DiagramGenerator.generate(model, { view: 'all', direction: 'RIGHT', theme: 'vscode', legend: true, changes });
        // What the change removed is written in the revision, not in any file the editor can open.
        const changesOf = params.against.kind === 'revision'
            ? diff.items.map(item => (item.changes.includes('removed') ? { ...item, place: { ...item.place, uri: '' } } : item))
            : diff.items;
        return { title, summary: summaryLine(diff), svg: drawn.svg, changes: changesOf, introduced: diff.introduced, fixed: diff.fixed };
    } catch (error) {
        return { title, error: error instanceof UsageError ? error.message : `Cannot compare: ${error instanceof Error ? error.message : String(error)}` };
    }
}

/** The old side: the file at a revision (only it and what it imports), or another file. */
async function oldSide(params: CompareParams, file: string, folder: string): Promise<SideSpec> {
    if (params.against.kind === 'file') return sideSpec(URI.parse(params.against.uri).fsPath, [], folder);
    const root = await repositoryRoot(folder);
    const commit = root === undefined ? undefined : await resolveRevision(params.against.revision, folder);
    if (root === undefined) throw new UsageError(`'${path.basename(file)}' is not in a git repository.`);
    if (commit === undefined) throw new UsageError(`'${params.against.revision}' is not a git revision.`);
    return { type: 'revision', name: params.against.revision, commit, pathspecs: [path.basename(file)], root };
}
