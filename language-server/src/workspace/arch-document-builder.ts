import type { BuildOptions, LangiumDocument, LangiumSharedCoreServices, MaybePromise } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, URI, interruptAndCheck } from 'langium';
import type { Model } from '../../generated/ast.js';
import { analysisRoots } from './analysis-roots.js';
import { documentsInImportCycles } from './import-cycles.js';
import { isArchUri, resolveImports } from './imports.js';
import { isThereButUnreadable } from './source-text.js';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';

/**
 * Loads the files that the documents of a build import, so that a file opened on its
 * own (or given to the CLI) sees the declarations of its imports.
 */
export class ArchDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * Whether builds index the references of each document. Only find-references and
     * rename read that index; the CLI, which checks once and exits, turns it off (it cost
     * a twentieth of checking 5,000 elements). Documents still pass through the phase.
     */
    indexReferences = true;

    /** The documents the current update was told about: the ones the person is editing. */
    private edited: ReadonlySet<string> = new Set();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const gone = await this.vanished(changed);
        if (gone.length > 0) {
            changed = changed.filter(uri => !gone.includes(uri));
            deleted = [...deleted, ...gone];
        }
        this.edited = new Set(changed.map(uri => uri.toString()));
        this.roots = this.cycles = undefined;
        for (const uri of deleted) this.analysedUnder.delete(uri.toString());
        this.updating = true;
        return super.update(changed, deleted, cancelToken);
    }

    /** For each document validated, the root (`analysis-roots.ts`) whose model it was checked in. */
    private readonly analysedUnder = new Map<string, string>();
    private roots: Map<string, LangiumDocument<Model>> | undefined;
    private updating = false;

    /**
     * The document whose model `document` is checked in, for the documents as they are
     * parsed now; validation calls this, and the document is validated again when the
     * answer changes or when anything in that root's architecture changes.
     */
    analysisRootOf(document: LangiumDocument): LangiumDocument<Model> {
        this.roots ??= analysisRoots(this.archDocuments(), this.langiumDocuments);
        return this.roots.get(document.uri.toString()) ?? document as LangiumDocument<Model>;
    }

    /** The same, noted as the root `document` is being validated in. */
    validatedIn(document: LangiumDocument): LangiumDocument<Model> {
        const root = this.analysisRootOf(document);
        this.analysedUnder.set(document.uri.toString(), root.uri.toString());
        return root;
    }

    private cycles: Set<string> | undefined;

    /** Whether `document` lies on a cycle of imports, from one look at the whole import graph per workspace state. */
    isInImportCycle(document: LangiumDocument): boolean {
        this.cycles ??= documentsInImportCycles(this.archDocuments(), this.langiumDocuments);
        return this.cycles.has(document.uri.toString());
    }

    private archDocuments(): LangiumDocument<Model>[] {
        return this.langiumDocuments.all.filter(doc => isArchUri(doc.uri)).toArray() as LangiumDocument<Model>[];
    }

    /**
     * A changed file changes the architecture of every root that imports it, and so the
     * diagnostics of every file checked in it (not only the files that import the changed
     * one): those are validated again, without relinking.
     */
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        // Only for an update: `build` rebuilds the documents it is given and no others.
        if (this.updating && this.analysedUnder.size > 0) {
            const touched = new Set([...changed, ...deleted].map(uri => uri.toString()));
            const affected = new Set([...touched, ...this.importersOf(touched)]);
            for (const doc of this.langiumDocuments.all) {
                const root = this.analysedUnder.get(doc.uri.toString());
                if (root !== undefined && affected.has(root)) this.resetToState(doc, DocumentState.IndexedReferences);
            }
        }
        this.updating = false;
        return super.emitUpdate(changed, deleted);
    }

    /**
     * As Langium's, but a wait for a document ends when the document is deleted meanwhile
     * (closed, removed from disk): Langium's would wait for ever, and the request behind it
     * would never be answered.
     */
    // Langium's two overloads, written as one: their token types come from two copies of vscode-jsonrpc.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override waitUntil(state: DocumentState, uriOrToken?: any, cancelToken?: any): Promise<any> {
        const waiting = super.waitUntil(state, uriOrToken, cancelToken);
        if (!uriOrToken || !('path' in uriOrToken)) return waiting;
        const key = String(uriOrToken);
        return new Promise((resolve, reject) => {
            const listener = this.onUpdate((_changed, deleted) => {
                if (deleted.some((uri: URI) => uri.toString() === key)) {
                    reject(new ResponseError(LSPErrorCodes.ServerCancelled, `The document ${key} was closed or deleted.`));
                }
            });
            waiting.then(resolve, reject).finally(() => listener.dispose());
        });
    }

    /**
     * Changed documents that are neither open nor on disk any more: a watcher reports a
     * change for a file deleted since, or a setting rebuilds a closed Untitled document.
     * They are deleted rather than read (a failed read would fail the whole update).
     */
    private async vanished(changed: URI[]): Promise<URI[]> {
        const gone: URI[] = [];
        for (const uri of changed) {
            if (!this.langiumDocuments.hasDocument(uri) || this.textDocuments?.get(uri.toString())) continue;
            if (uri.scheme !== 'file' || (await this.missing(uri))) gone.push(uri);
        }
        return gone;
    }

    private async missing(uri: URI): Promise<boolean> {
        try {
            await this.fileSystemProvider.stat(uri);
            return false;
        } catch (error) {
            return isMissing(error);
        }
    }

    /**
     * The edited documents first, then the other open ones, then the rest: each phase runs
     * over the documents in this order, so the file being typed in gets its diagnostics
     * before the files that import it are validated again.
     */
    protected override sortDocuments(documents: LangiumDocument[]): LangiumDocument[] {
        const rank = (doc: LangiumDocument) => (this.edited.has(doc.uri.toString()) ? 0 : this.textDocuments?.get(doc.uri.toString()) ? 1 : 2);
        return documents.sort((a, b) => rank(a) - rank(b));
    }

    /**
     * How long the other documents wait, once the edited ones are validated, before they
     * are validated in turn. The person is typing in the edited file: the next keystroke
     * usually comes within this time, cancels the update and starts a new one at once,
     * instead of waiting for the files that import it (a 500-element file importing 500
     * more holds the server up for 30 ms). Their diagnostics follow when typing pauses.
     */
    othersWaitMs = 60;

    protected override runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>
    ): Promise<void> {
        if (targetState === DocumentState.IndexedReferences && !this.indexReferences) {
            return super.runCancelable(documents, targetState, cancelToken, () => undefined);
        }
        // What a document imports may have changed with its text.
        if (targetState === DocumentState.IndexedContent) this.roots = this.cycles = undefined;
        let waitForOthers = targetState === DocumentState.Validated && this.edited.size > 0 && this.othersWaitMs > 0;
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            if (waitForOthers && !this.edited.has(document.uri.toString())) {
                waitForOthers = false;
                await waitUnlessCancelled(this.othersWaitMs, cancelToken);
                await interruptAndCheck(cancelToken);
            }
            return callback(document);
        });
    }

    /**
     * A file's model holds everything it imports, so its diagnostics change with any file
     * it imports, directly or not, even where it refers to nothing in it (a duplicate id,
     * a rule over the whole architecture). Langium relinks only files whose references
     * point into a changed file, and a deleted import changes them too.
     */
    override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.shouldRelink(document, changedUris)) return true;
        return this.importersOf(changedUris).has(document.uri.toString());
    }

    private importers: { readonly of: Set<string>; readonly uris: ReadonlySet<string> } | undefined;

    /**
     * Every document that imports one of `changedUris`, directly or not: worked out once
     * per update from the imports of all documents (import targets rather than documents,
     * so that a deleted import counts too), not once per document.
     */
    private importersOf(changedUris: Set<string>): ReadonlySet<string> {
        if (this.importers?.of === changedUris) return this.importers.uris;
        const importedBy = new Map<string, string[]>();
        for (const doc of this.langiumDocuments.all) {
            for (const imported of resolveImports(doc as LangiumDocument<Model>, this.langiumDocuments)) {
                const key = imported.uri.toString();
                const list = importedBy.get(key);
                if (list) list.push(doc.uri.toString());
                else importedBy.set(key, [doc.uri.toString()]);
            }
        }
        const uris = new Set<string>();
        const stack = [...changedUris];
        while (stack.length > 0) {
            for (const importer of importedBy.get(stack.pop()!) ?? []) {
                if (!uris.has(importer)) {
                    uris.add(importer);
                    stack.push(importer);
                }
            }
        }
        this.importers = { of: changedUris, uris };
        return uris;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const all = [...documents];
        const known = new Set(all.map(d => d.uri.toString()));
        for (let i = 0; i < all.length; i++) {
            for (const imported of resolveImports(all[i] as LangiumDocument<Model>, this.langiumDocuments)) {
                const key = imported.uri.toString();
                if (known.has(key) || imported.document || !isArchUri(imported.uri)) continue;
                known.add(key);
                const doc = await this.tryLoad(imported.uri);
                if (doc) all.push(doc);
            }
        }
        await super.buildDocuments(all, options, cancelToken);
        if (options.validation) await this.revalidateMovedDocuments(options, cancelToken);
    }

    /**
     * Documents this build did not validate whose root changed with it (a new file imports
     * them, or the one that did no longer does): they are validated in their new root.
     */
    private async revalidateMovedDocuments(options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const moved: LangiumDocument[] = [];
        for (const [uri, root] of [...this.analysedUnder]) {
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!doc || doc.state < DocumentState.Validated) continue;
            if (this.analysisRootOf(doc).uri.toString() !== root) {
                this.resetToState(doc, DocumentState.IndexedReferences);
                moved.push(doc);
            }
        }
        if (moved.length > 0) await super.buildDocuments(moved, options, cancelToken);
    }

    /**
     * A missing import is not loaded (validation says it cannot be found); any other file is,
     * and the document factory takes one it cannot read (a folder, a FIFO, a symlink loop,
     * binary, too large) as empty text and keeps why, which validation reports at the import.
     */
    private async tryLoad(uri: LangiumDocument['uri']): Promise<LangiumDocument | undefined> {
        try {
            await this.fileSystemProvider.stat(uri);
        } catch (error) {
            // Not there (whatever the file system): validation says it cannot be found.
            if (!isThereButUnreadable(error)) return undefined;
        }
        try {
            return await this.langiumDocuments.getOrCreateDocument(uri);
        } catch {
            return undefined;
        }
    }
}

/** A file the system says is not there: a tracked document is deleted only then. */
function isMissing(error: unknown): boolean {
    const code = (error as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Resolves after `ms`, or as soon as the token is cancelled (a new update waits for this one to end). */
function waitUnlessCancelled(ms: number, cancelToken: Cancellation.CancellationToken): Promise<void> {
    return new Promise(resolve => {
        const done = () => {
            clearTimeout(timer);
            listener.dispose();
            resolve();
        };
        const timer = setTimeout(done, ms);
        const listener = cancelToken.onCancellationRequested(done);
    });
}
