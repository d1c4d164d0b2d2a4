import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { Model } from '../../generated/ast.js';
import { stronglyConnected } from '../util/strongly-connected.js';
import { resolveImports } from './imports.js';

/**
 * The documents that lie on a cycle of imports (strongly connected components): found
 * once for the workspace, so that each document need not walk its whole closure looking
 * for a way back to itself.
 */
export function documentsInImportCycles(documents: readonly LangiumDocument<Model>[], langiumDocuments: LangiumDocuments): Set<string> {
    const edges = new Map<string, string[]>();
    for (const doc of documents) {
        edges.set(doc.uri.toString(), resolveImports(doc, langiumDocuments).flatMap(i => (i.document ? [i.uri.toString()] : [])));
    }
    const next = (uri: string) => (edges.get(uri) ?? []).filter(target => edges.has(target));
    const inCycles = new Set<string>();
    for (const component of stronglyConnected([...edges.keys()], next)) {
        if (component.length > 1) component.forEach(uri => inCycles.add(uri));
    }
    return inCycles;
}
