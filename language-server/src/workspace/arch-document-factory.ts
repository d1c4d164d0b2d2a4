import type { Cancellation, LangiumDocument, LangiumSharedCoreServices, Mutable, TextDocument, URI } from 'langium';
type CancellationToken = Cancellation.CancellationToken;
import { DefaultLangiumDocumentFactory } from 'langium';
import { describeReadError } from './source-text.js';

/**
 * Reading a file never fails a build: a file that vanished, became a folder or a symlink
 * loop, cannot be read, or is not `.arch` text is taken in as empty text, and why is kept
 * for validation to report (at the file itself and at every import of it). Langium would
 * otherwise reject the whole build, or the workspace scan, with the file system's error.
 */
export class ArchDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly readProblems = new Map<string, string>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /** Why the file at `uri` could not be read when it was last read, as the end of a sentence; undefined when it could. */
    readProblem(uri: URI | string): string | undefined {
        return this.readProblems.get(uri.toString());
    }

    /** A file that is not there is not a document (a request for it must not create one); any other failure is empty text. */
    protected override getInitialText(uri: URI, _cancellationToken: CancellationToken): Promise<string> {
        return this.readText(uri, true);
    }

    protected override async getUpdatedText(document: Mutable<LangiumDocument>, textDocument: TextDocument | undefined, _cancellationToken: CancellationToken): Promise<string> {
        if (textDocument) {
            this.readProblems.delete(document.uri.toString());
            return textDocument.getText();
        }
        return this.readText(document.uri);
    }

    private async readText(uri: URI, missingThrows = false): Promise<string> {
        const key = uri.toString();
        try {
            const text = await this.fileSystemProvider.readFile(uri);
            this.readProblems.delete(key);
            return text;
        } catch (error) {
            const code = (error as NodeJS.ErrnoException)?.code;
            if (missingThrows && (code === 'ENOENT' || code === 'ENOTDIR')) throw error;
            this.readProblems.set(key, describeReadError(error));
            return '';
        }
    }
}
