import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'langium';
import type { ArchServices } from '../arch-module.js';

/** Puts `.arch` text through the language's formatter, so imported files look like written ones. */
export async function formatArch(services: ArchServices, text: string, file = '/imported.arch'): Promise<string> {
    const uri = URI.file(file);
    const documents = services.shared.workspace.LangiumDocuments;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    documents.addDocument(document);
    try {
        const textDocument = TextDocument.create(uri.toString(), 'arch', 0, text);
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        return TextDocument.applyEdits(textDocument, edits);
    } finally {
        documents.deleteDocument(uri);
    }
}
