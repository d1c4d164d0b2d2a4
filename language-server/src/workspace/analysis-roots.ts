import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Model } from '../../generated/ast.js';
import { resolveImports } from './imports.js';

/**
 * The file whose architecture each document is checked in: a file that no loaded file
 * imports (a root) is checked as the architecture its imports make, and every file it
 * imports, directly or not, is checked in that same architecture, so a chain or a tree of
 * imports is merged and reviewed once, not once per file. A file that several roots import
 * takes the first of them by URI; files that only import each other in a cycle take the
 * first of the cycle. Linear in the documents and their imports: each document is
 * visited once, by the first root that reaches it.
 */
export function analysisRoots(documents: readonly LangiumDocument<Model>[], langiumDocuments: LangiumDocuments): Map<string, LangiumDocument<Model>> {
    const importsOf = new Map<string, LangiumDocument<Model>[]>();
    const imported = new Set<string>();
    for (const doc of documents) {
        const targets = resolveImports(doc, langiumDocuments).flatMap(i => (i.document ? [i.document] : []));
        importsOf.set(doc.uri.toString(), targets);
        for (const target of targets) imported.add(target.uri.toString());
    }
    const byUri = [...documents].sort((a, b) => compare(a.uri.toString(), b.uri.toString()));
    const rootOf = new Map<string, LangiumDocument<Model>>();
    const claim = (root: LangiumDocument<Model>) => {
        const stack = [root];
        while (stack.length > 0) {
            const doc = stack.pop()!;
            const key = doc.uri.toString();
            // Whoever reached it first reached everything it imports too.
            if (rootOf.has(key)) continue;
            rootOf.set(key, root);
            stack.push(...(importsOf.get(key) ?? []));
        }
    };
    for (const doc of byUri) if (!imported.has(doc.uri.toString())) claim(doc);
    for (const doc of byUri) if (!rootOf.has(doc.uri.toString())) claim(doc);
    return rootOf;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
