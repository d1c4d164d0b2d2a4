import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { WorkspaceCache } from 'langium';
import type { Model } from '../../generated/ast.js';
import { importClosure } from '../workspace/imports.js';
import { buildModel } from './model-builder.js';
import type { ArchModel } from './model-types.js';

/**
 * Hands out the semantic model of a document, built once per workspace state: the
 * validator, the rules, the diagram and the LSP features all share the same instance.
 */
export class ArchModelProvider {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<string, ArchModel>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(shared);
    }

    getModel(document: LangiumDocument): ArchModel {
        const doc = document as LangiumDocument<Model>;
        return this.cache.get(doc.uri.toString(), () => {
            // Imports first: where an id is declared twice, the importing file is the one told.
            const [self, ...imported] = importClosure(doc, this.documents);
            return buildModel(doc, [...imported.reverse(), self]);
        });
    }
}
