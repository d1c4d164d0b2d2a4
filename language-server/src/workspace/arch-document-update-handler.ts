import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { logServerError } from './server-errors.js';

/**
 * Langium keeps a closed document and reads it from disk at the next rebuild (a changed
 * setting rebuilds every document): an Untitled editor or a file never saved is not on
 * disk, and the read would fail. A closed document is read again from disk when it is a
 * file there (the editor may have dropped unsaved changes), and forgotten otherwise.
 */
export class ArchDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: LangiumSharedServices['workspace']['FileSystemProvider'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void this.isFileOnDisk(uri).then(onDisk => (onDisk ? this.fireDocumentUpdate([uri], []) : this.fireDocumentUpdate([], [uri])));
    }

    /** As Langium's, but a failed update is logged rather than left as an unhandled rejection (which ends Node). */
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(error => logServerError('document update', error));
    }

    private async isFileOnDisk(uri: URI): Promise<boolean> {
        if (uri.scheme !== 'file') return false;
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }
}
