import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Model } from '../../generated/ast.js';
import { ArchDocumentBuilder } from '../workspace/arch-document-builder.js';
import { importClosure } from '../workspace/imports.js';
import { mergeFragments, mergeFragmentsInSlices } from './model-builder.js';
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
    private readonly builder: LangiumSharedCoreServices['workspace']['DocumentBuilder'];
    private readonly cache: WorkspaceCache<string, ArchModel>;
    private readonly lastBuilt = new Map<string, { fragments: readonly ModelFragment[]; model: ArchModel }>();

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.builder = shared.workspace.DocumentBuilder;
        this.cache = new WorkspaceCache(shared);
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => this.lastBuilt.delete(uri.toString())));
    }

    getModel(document: LangiumDocument): ArchModel {
        const doc = document as LangiumDocument<Model>;
        return this.cache.get(doc.uri.toString(), () => {
            const fragments = this.fragmentsOf(doc);
            return this.reused(doc, fragments) ?? this.remember(doc, fragments, mergeFragments(fragments[fragments.length - 1], fragments));
        });
    }

    /**
     * The same model, built with `pause` between the files of the closure: validation
     * builds it this way, so that the merge of a large closure does not block the server;
     * later calls of `getModel` get the same instance.
     */
    async getModelInSlices(document: LangiumDocument, pause: () => Promise<void>): Promise<ArchModel> {
        const doc = document as LangiumDocument<Model>;
        const key = doc.uri.toString();
        const cached = this.cache.get(key);
        if (cached) return cached;
        const fragments: ModelFragment[] = [];
        for (const member of this.closureOf(doc)) {
            await pause();
            fragments.push(fragmentOf(member));
        }
        const model = this.reused(doc, fragments) ?? await mergeFragmentsInSlices(fragments[fragments.length - 1], fragments, pause);
        // A request may have built the model meanwhile: keep the instance others already hold.
        // (A pause throws when the build is cancelled, so nothing stale is cached here.)
        const current = this.cache.get(key);
        if (current) return current;
        this.cache.set(key, this.remember(doc, fragments, model));
        return model;
    }

    /**
     * The model that validation checks `document` in: the model of its root
     * (`analysis-roots.ts`), which every file of that root's closure shares, so the files
     * of a chain of imports are merged and reviewed once. Other features (the diagram,
     * hover, code lenses) keep the model of the document's own closure (`getModel`).
     */
    getAnalysisModelInSlices(document: LangiumDocument, pause: () => Promise<void>): Promise<ArchModel> {
        const root = this.builder instanceof ArchDocumentBuilder ? this.builder.validatedIn(document) : document;
        return this.getModelInSlices(root, pause);
    }

    /** The same, at once. */
    getAnalysisModel(document: LangiumDocument): ArchModel {
        return this.getModel(this.analysisRootOf(document));
    }

    analysisRootOf(document: LangiumDocument): LangiumDocument {
        return this.builder instanceof ArchDocumentBuilder ? this.builder.analysisRootOf(document) : document;
    }

    /** Imports first: where an id is declared twice, the importing file is the one told. */
    private closureOf(doc: LangiumDocument<Model>): LangiumDocument<Model>[] {
        const [self, ...imported] = importClosure(doc, this.documents);
        return [...imported.reverse(), self];
    }

    private fragmentsOf(doc: LangiumDocument<Model>): ModelFragment[] {
        return this.closureOf(doc).map(fragmentOf);
    }

    private reused(doc: LangiumDocument<Model>, fragments: readonly ModelFragment[]): ArchModel | undefined {
        const last = this.lastBuilt.get(doc.uri.toString());
        return last && sameItems(last.fragments, fragments) ? last.model : undefined;
    }

    private remember(doc: LangiumDocument<Model>, fragments: readonly ModelFragment[], model: ArchModel): ArchModel {
        this.lastBuilt.set(doc.uri.toString(), { fragments, model });
        return model;
    }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, i) => item === b[i]);
}
