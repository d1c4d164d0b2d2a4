import type { LangiumDocument, Stream, URI } from 'langium';
import { DefaultWorkspaceManager } from 'langium';

/**
 * The workspace scan lists the `.arch` files and then reads them. A file deleted (or
 * renamed) in between is not a document: Langium's scan failed as a whole on it, and the
 * server waited for a workspace that never became ready. It is left out; the file
 * watcher's event for it follows.
 */
export class ArchWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch {
                // Gone since the folder was listed.
            }
        }));
    }
}
