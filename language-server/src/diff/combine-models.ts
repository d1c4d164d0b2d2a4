import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Model } from '../../generated/ast.js';
import type { ArchModelProvider } from '../model/model-provider.js';
import { mergeFragments } from '../model/model-builder.js';
import { fragmentOf } from '../model/model-fragment.js';
import type { ArchModel } from '../model/model-types.js';
import { importClosure } from '../workspace/imports.js';

/**
 * The architecture that several files make together (a folder, the files of a revision):
 * the files and everything they import, each once, merged into one model as the files
 * of an import closure are. One file is its own model.
 */
export function combineModels(entries: readonly LangiumDocument<Model>[], documents: LangiumDocuments, models: ArchModelProvider): ArchModel {
    if (entries.length === 1) return models.getModel(entries[0]);
    const closure = documentsOf(entries, documents);
    return mergeFragments(fragmentOf(entries[0]), closure.map(fragmentOf));
}

/** The files and what they import, each once, imports before the files that import them. */
export function documentsOf(entries: readonly LangiumDocument<Model>[], documents: LangiumDocuments): LangiumDocument<Model>[] {
    const seen = new Map<string, LangiumDocument<Model>>();
    for (const entry of entries) {
        for (const doc of importClosure(entry, documents).reverse()) {
            const key = doc.uri.toString();
            if (!seen.has(key)) seen.set(key, doc);
        }
    }
    return [...seen.values()];
}
