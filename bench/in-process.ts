// In-process measurements: bundled by bench/run.mjs so it runs on the same code as the product.
import { EmptyFileSystem, URI } from 'langium';
import { createArchServices } from '../language-server/src/arch-module.js';
import type { Model } from '../language-server/generated/ast.js';

/** Parses, links and validates (rules included) the files in a fresh workspace; returns the diagnostics count. */
export async function checkFiles(files: Record<string, string>): Promise<number> {
    const { shared } = createArchServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const doc = factory.fromString<Model>(text, URI.file(`/bench/${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
}
