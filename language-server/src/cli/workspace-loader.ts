import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Model } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import { ArchDocumentBuilder } from '../workspace/arch-document-builder.js';
import type { SourceFile } from './files.js';

/**
 * Puts the given files into the services' workspace and builds them with validation.
 * Imported files that were not given are loaded from disk by the document builder.
 */
export async function loadAndValidate(services: ArchServices, files: readonly SourceFile[]): Promise<LangiumDocument<Model>[]> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const builder = services.shared.workspace.DocumentBuilder;
    // Nobody asks a CLI run for references or renames.
    if (builder instanceof ArchDocumentBuilder) builder.indexReferences = false;
    const loaded = files.map(file => {
        const doc = factory.fromString<Model>(file.text, URI.file(file.path));
        documents.addDocument(doc);
        return doc;
    });
    await builder.build(loaded, { validation: true });
    return loaded;
}
