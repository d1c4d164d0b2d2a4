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

/**
 * Builds the workspace, then changes one character of `target` `edits` times through the
 * document builder's update, as the language server does on didChange. Returns the
 * time of each edit until the changed document is validated again.
 */
export async function editTimes(files: Record<string, string>, target: string, edits: number): Promise<number[]> {
    // The builder re-reads a changed document from the file system: serve the texts from memory.
    const texts = new Map(Object.entries(files).map(([name, text]) => [URI.file(`/bench/${name}`).toString(), text]));
    const fileSystemProvider = () => ({
        ...EmptyFileSystem.fileSystemProvider(),
        readFile: async (uri: URI) => texts.get(uri.toString()) ?? '',
        readFileSync: (uri: URI) => texts.get(uri.toString()) ?? '',
    });
    const { shared } = createArchServices({ fileSystemProvider } as typeof EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const documents = Object.entries(files).map(([name, text]) => {
        const doc = factory.fromString<Model>(text, URI.file(`/bench/${name}`));
        langiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const uri = URI.file(`/bench/${target}`);
    const text = files[target];
    const at = text.indexOf('"Service') + 1;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
        const changed = text.slice(0, at) + (i % 2 ? 'S' : 's') + text.slice(at + 1);
        const start = performance.now();
        texts.set(uri.toString(), changed);
        await shared.workspace.DocumentBuilder.update([uri], []);
        times.push(performance.now() - start);
    }
    return times;
}
