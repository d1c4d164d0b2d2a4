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

/** A chain of imports that leads from `document` back to itself, or undefined. */
export function findImportCycle(document: LangiumDocument<Model>, documents: LangiumDocuments): URI[] | undefined {
    const start = document.uri.toString();
    const visited = new Set<string>();
    const walk = (doc: LangiumDocument<Model>, path: URI[]): URI[] | undefined => {
        for (const imported of resolveImports(doc, documents)) {
            const key = imported.uri.toString();
            if (key === start) return [...path, imported.uri];
            if (!imported.document || visited.has(key)) continue;
            visited.add(key);
            const found = walk(imported.document, [...path, imported.uri]);
            if (found) return found;
        }
        return undefined;
    };
    return walk(document, [document.uri]);
}

export function isArchUri(uri: URI): boolean {
    return uri.path.endsWith('.arch');
}

export { URI };
