import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Model } from '../../generated/ast.js';
import { resolveImports } from './imports.js';

/**
 * The import closure of one document, walked only as far as a question needs: whether a
 * file is in it is answered by visiting files breadth first, nearest imports first, until
 * that file turns up. A reference to a declaration of a file it imports directly costs a
 * step or two, not the whole closure; in a chain of imports the closures of all files hold
 * a quadratic number of files, and building each in full made linking quadratic.
 */
export class LazyClosure {
    private readonly seen = new Set<string>();
    private readonly queue: LangiumDocument<Model>[];
    private next = 0;

    constructor(document: LangiumDocument<Model>, private readonly documents: LangiumDocuments) {
        this.seen.add(document.uri.toString());
        this.queue = [document];
    }

    has(uri: string): boolean {
        while (!this.seen.has(uri) && this.step());
        return this.seen.has(uri);
    }

    /** Every file of the closure (completion lists all it can see). */
    all(): ReadonlySet<string> {
        while (this.step());
        return this.seen;
    }

    private step(): boolean {
        if (this.next >= this.queue.length) return false;
        for (const imported of resolveImports(this.queue[this.next++], this.documents)) {
            const key = imported.uri.toString();
            if (imported.document && !this.seen.has(key)) {
                this.seen.add(key);
                this.queue.push(imported.document);
            }
        }
        return true;
    }
}
