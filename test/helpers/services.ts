import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { parseHelper } from 'langium/test';
import type { Model } from '../../language-server/generated/ast.js';
import { createArchServices } from '../../language-server/src/arch-module.js';

/** Language services over an in-memory file system, built once per test file. */
export function createTestServices() {
    const services = createArchServices(EmptyFileSystem);
    const parse = parseHelper<Model>(services.Arch);
    return { ...services, parse };
}

export type TestServices = ReturnType<typeof createTestServices>;

/** Adds several in-memory documents (path → text) and builds them together with validation. */
export async function buildWorkspace(services: TestServices, files: Record<string, string>): Promise<Record<string, LangiumDocument<Model>>> {
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const result: Record<string, LangiumDocument<Model>> = {};
    for (const [path, text] of Object.entries(files)) {
        const doc = factory.fromString<Model>(text, URI.file(`/ws/${path}`));
        documents.addDocument(doc);
        result[path] = doc;
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(result), { validation: true });
    return result;
}

/** A document's diagnostics, one per line: `line:col severity message [code]`, as a reviewer reads them. */
export function diagnosticLines(doc: LangiumDocument): string[] {
    const names = ['', 'error', 'warning', 'info', 'hint'];
    return (doc.diagnostics ?? [])
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${names[d.severity ?? 1]} ${d.message}${d.code ? ` [${d.code}]` : ''}`);
}

/** Wraps members in an architecture block, so tests can write just the interesting lines. */
export function arch(body: string): string {
    return `architecture "Test" {\n${body}\n}\n`;
}
