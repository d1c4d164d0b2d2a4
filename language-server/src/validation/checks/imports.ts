import type { LangiumDocument, LangiumDocuments, URI, ValidationAcceptor } from 'langium';
import type { Model } from '../../../generated/ast.js';
import { findImportCycle, isArchUri, resolveImports } from '../../workspace/imports.js';

/** Imports name `.arch` files that exist, each once, without a cycle back to this file. */
export function checkImports(
    document: LangiumDocument<Model>, documents: LangiumDocuments, accept: ValidationAcceptor,
    readProblem: (uri: URI) => string | undefined = () => undefined,
    /** False when the document is known to lie on no cycle of imports (the walk is skipped). */
    mayBeInCycle: (document: LangiumDocument<Model>) => boolean = () => true,
): void {
    const seen = new Set<string>();
    for (const imported of resolveImports(document, documents)) {
        const key = imported.uri.toString();
        const at = { node: imported.node, property: 'path' as const, code: 'import' };
        if (!isArchUri(imported.uri)) {
            accept('error', `Cannot import '${imported.node.path}': only .arch files can be imported.`, at);
        } else if (key === document.uri.toString()) {
            accept('error', `A file cannot import itself.`, { ...at, code: 'import-cycle' });
        } else if (!imported.document) {
            accept('error', `Cannot find imported file '${imported.node.path}' (looked for ${imported.uri.fsPath || imported.uri.path}).`, at);
        } else if (readProblem(imported.uri)) {
            accept('error', `Cannot import '${imported.node.path}': the file ${readProblem(imported.uri)}.`, at);
        } else if (seen.has(key)) {
            accept('warning', `'${imported.node.path}' is already imported.`, { ...at, code: 'duplicate-import' });
        }
        seen.add(key);
    }
    const cycle = mayBeInCycle(document) ? findImportCycle(document, documents) : undefined;
    if (cycle && cycle.length > 2) {
        const names = cycle.map(u => u.path.split('/').pop()).join(' → ');
        const first = document.parseResult.value.imports.find(i => resolveImports(document, documents).some(r => r.node === i && r.uri.toString() === cycle[1].toString()));
        if (first) accept('error', `Import cycle: ${names}. Move the shared declarations into a file that both import.`, { node: first, property: 'path', code: 'import-cycle' });
    }
}
