import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchServices, type ArchServices } from '../arch-module.js';
import { loadSide, type SideSpec } from '../cli/diff-sides.js';
import { UsageError } from '../cli/files.js';
import { readRevision, repositoryRoot, resolveRevision } from '../cli/git-files.js';
import type { DiagramChange } from '../diagram/diagram-types.js';
import { diffDiagramModel } from '../diff/diff-diagram-model.js';
import { summaryLine } from '../diff/format-diff-text.js';
import { diffModels, type DiffSide } from '../diff/model-diff.js';
import type { ArchModel } from '../model/model-types.js';

/** What the preview draws with "changes since HEAD" on: the diff diagram's model and marks, or why there are none. */
export type RevisionChangesResult =
    | { readonly model: ArchModel; readonly changes: Readonly<Record<string, DiagramChange>>; readonly summary: string }
    | { readonly notice: string };

/**
 * The live preview's "changes since HEAD": the document as the editor holds it against
 * the same file at a git revision, compared as `archsight diff` compares them and marked
 * as on its diff diagram. Both sides are read into services of their own, never into the
 * editor's workspace; one reading at a time (they share those services). The revision's
 * side is read once per file and commit, so an edit costs one reading of the document.
 */
export class RevisionChanges {
    private reader: ArchServices | undefined;
    private queue: Promise<unknown> = Promise.resolve();
    /** The old side of each file, for the commit it was read at. */
    private readonly oldSides = new Map<string, { commit: string; side: DiffSide }>();

    against(uri: string, text: string, revision: string): Promise<RevisionChangesResult> {
        const next = this.queue.then(() => this.compare(uri, text, revision));
        this.queue = next.catch(() => undefined);
        return next;
    }

    private async compare(uriText: string, text: string, revision: string): Promise<RevisionChangesResult> {
        const uri = URI.parse(uriText);
        const name = path.basename(uri.path);
        if (uri.scheme !== 'file') return { notice: `'${name}' is not saved in a folder yet: it has no version at ${revision} to compare with.` };
        const file = uri.fsPath;
        const folder = path.dirname(file);
        try {
            const root = await repositoryRoot(folder);
            if (root === undefined) return { notice: `'${name}' is not in a git repository: there is no ${revision} to compare with.` };
            const commit = await resolveRevision(revision, folder);
            if (commit === undefined) return { notice: `The repository has no ${revision} yet (no commit): nothing to compare with.` };
            const reader = this.reader ??= createArchServices(NodeFileSystem).Arch;
            let old = this.oldSides.get(file);
            if (old?.commit !== commit) {
                const spec: SideSpec = { type: 'revision', name: revision, commit, pathspecs: [path.basename(file)], root };
                if ((await readRevision(commit, spec.pathspecs, folder, root)).selected.size === 0) {
                    return { notice: `'${name}' is new: it is not in ${revision}, so everything in it is a change.` };
                }
                old = { commit, side: (await loadSide(reader, spec, {}, folder)).side };
                this.oldSides.set(file, old);
            }
            const now = await loadSide(reader, { type: 'sources', name, sources: [{ path: file, text }] }, {}, folder);
            const diff = diffModels(old.side, now.side, location => ({ file: name, line: location.range.start.line + 1, uri: location.uri }));
            const { model, changes } = diffDiagramModel(old.side.model, now.side.model, diff);
            return { model, changes, summary: `Changes since ${revision}: ${summaryLine(diff)}` };
        } catch (error) {
            return { notice: `Cannot show the changes since ${revision}: ${error instanceof UsageError || error instanceof Error ? error.message : String(error)}` };
        }
    }
}
