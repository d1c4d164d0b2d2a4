import type { LangiumDocument, LangiumDocuments } from 'langium';
import { URI, UriUtils } from 'langium';
import type { Import, Model } from '../../generated/ast.js';

/** The URI an import points at, relative to the importing document. */
export function resolveImportUri(document: LangiumDocument, path: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
}

export interface ResolvedImport {
    readonly node: Import;
    readonly uri: URI;
    /** Undefined when the file is not loaded (missing, unreadable or not a `.arch` file). */
    readonly document?: LangiumDocument<Model>;
}

export function resolveImports(document: LangiumDocument<Model>, documents: LangiumDocuments): ResolvedImport[] {
    // A document that has not been parsed yet (or is not ours) has no imports to follow.
    const imports = (document.parseResult?.value as Model | undefined)?.imports ?? [];
    return imports
        .filter(node => typeof node.path === 'string' && node.path.length > 0)
        .map(node => {
            const uri = resolveImportUri(document, node.path);
            return { node, uri, document: documents.getDocument(uri) as LangiumDocument<Model> | undefined };
        });
}

/** The document and every document it imports, directly or not, each once, the document first. */
export function importClosure(document: LangiumDocument<Model>, documents: LangiumDocuments): LangiumDocument<Model>[] {
    const seen = new Map<string, LangiumDocument<Model>>();
    const stack = [document];
    while (stack.length > 0) {
        const doc = stack.pop()!;
        const key = doc.uri.toString();
        if (seen.has(key)) continue;
        seen.set(key, doc);
        for (const imported of resolveImports(doc, documents)) {
            if (imported.document && !seen.has(imported.uri.toString())) stack.push(imported.document);
        }
    }
    return [...seen.values()];
}

/**
 * A chain of imports that leads from `document` back to itself, or undefined. Iterative,
 * and linear in the imports it follows: a long chain of files must not overflow the stack.
 */
export function findImportCycle(document: LangiumDocument<Model>, documents: LangiumDocuments): URI[] | undefined {
    const start = document.uri.toString();
    type Step = { readonly doc: LangiumDocument<Model>; readonly uri: URI; readonly previous?: Step };
    const pathTo = (step: Step, last: URI): URI[] => {
        const uris = [last];
        for (let s: Step | undefined = step; s; s = s.previous) uris.push(s.uri);
        return uris.reverse();
    };
    const visited = new Set<string>();
    const stack: Step[] = [{ doc: document, uri: document.uri }];
    while (stack.length > 0) {
        const step = stack.pop()!;
        const imports = resolveImports(step.doc, documents);
        const back = imports.find(i => i.uri.toString() === start);
        if (back) return pathTo(step, back.uri);
        for (const imported of [...imports].reverse()) {
            const key = imported.uri.toString();
            if (!imported.document || visited.has(key)) continue;
            visited.add(key);
            stack.push({ doc: imported.document, uri: imported.uri, previous: step });
        }
    }
    return undefined;
}

export function isArchUri(uri: URI): boolean {
    return uri.path.endsWith('.arch');
}

export { URI };
