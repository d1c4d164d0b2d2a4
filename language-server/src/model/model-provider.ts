import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Model } from '../../generated/ast.js';
import { importClosure } from '../workspace/imports.js';
import { mergeFragments } from './model-builder.js';
import { fragmentOf, type ModelFragment } from './model-fragment.js';
import type { ArchModel } from './model-types.js';

/**
 * Hands out the semantic model of a document, built once per workspace state: the
 * validator, the rules, the diagram and the LSP features all share the same instance.
 *
 * Across workspace states, a document whose import closure still has the same fragments
 * (no file in it was parsed or linked again) keeps the same model instance, so what is
 * cached per model (rule findings, blast radii) survives edits to other files.
 */
export class ArchModelProvider {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, ArchModel>;
    private readonly lastBuilt = new Map<string, { fragments: readonly ModelFragment[]; model: ArchModel }>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.lastBuilt.delete(uri.toString())));
    }

    getModel(document: LangiumDocument): ArchModel {
        const doc = document as LangiumDocument<Model>;
        return this.cache.get(doc.uri.toString(), () => this.build(doc));
    }

    private build(doc: LangiumDocument<Model>): ArchModel {
        // Imports first: where an id is declared twice, the importing file is the one told.
        const [self, ...imported] = importClosure(doc, this.documents);
        const fragments = [...imported.reverse(), self].map(fragmentOf);
        const key = doc.uri.toString();
        const last = this.lastBuilt.get(key);
        if (last && sameItems(last.fragments, fragments)) return last.model;
        const model = mergeFragments(fragments[fragments.length - 1], fragments);
        this.lastBuilt.set(key, { fragments, model });
        return model;
    }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, i) => item === b[i]);
}
