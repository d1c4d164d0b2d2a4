import type { Cancellation, LangiumDocument, URI } from 'langium';
import { DefaultLangiumDocuments } from 'langium';

/**
 * Langium reads a file and then adds its document; while the file is read, an editor that
 * opens it, an import or a request may add the same document, and the add then throws
 * ("already present"). During the workspace scan that failed the whole scan, and the
 * server waited for a workspace that never became ready: every diagram hung. The document
 * already added wins (an open editor's text is newer than the disk's).
 */
export class ArchLangiumDocuments extends DefaultLangiumDocuments {
    override async getOrCreateDocument(uri: URI, cancellationToken?: Cancellation.CancellationToken): Promise<LangiumDocument> {
        const existing = this.getDocument(uri);
        if (existing) return existing;
        const document = await this.langiumDocumentFactory.fromUri(uri, cancellationToken);
        const added = this.getDocument(uri);
        if (added) return added;
        this.addDocument(document);
        return document;
    }
}
