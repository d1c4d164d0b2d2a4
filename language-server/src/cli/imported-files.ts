import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ArchServices } from '../arch-module.js';
import type { FileDiagnostic } from './diagnostics.js';
import { collectDiagnostics } from './diagnostics.js';

/**
 * The errors of the files that the checked files import without being checked themselves:
 * a broken import breaks the file that imports it, so `archsight check` reports them, marked
 * as coming from an imported file. Their warnings belong to whoever checks those files,
 * except findings that a checked file takes part in (one of their places is in it: the
 * checked file adds three callers to an imported single replica), which the imported
 * file reports since it is checked in the architecture of the file that imports it.
 */
export async function importedErrors(services: ArchServices, checked: readonly LangiumDocument[], cwd: string): Promise<FileDiagnostic[]> {
    const given = new Set(checked.map(doc => doc.uri.toString()));
    const imported = services.shared.workspace.LangiumDocuments.all
        .filter(doc => !given.has(doc.uri.toString()))
        .toArray();
    const unvalidated = imported.filter(doc => doc.state < DocumentState.Validated);
    if (unvalidated.length > 0) await services.shared.workspace.DocumentBuilder.build(unvalidated, { validation: true });
    // Chosen before conversion: an imported file has many warnings and keeps few. A related
    // place's URI is compared as its path's (worked out once per file named).
    const inGiven = new Map<string, boolean>();
    const isGiven = (uri: string) => {
        let known = inGiven.get(uri);
        if (known === undefined) inGiven.set(uri, known = given.has(URI.file(URI.parse(uri).fsPath).toString()));
        return known;
    };
    const reported = (d: Diagnostic) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error
        || (d.relatedInformation ?? []).some(r => isGiven(r.location.uri));
    return collectDiagnostics(imported, cwd, reported)
        .map(d => ({ ...d, message: `(imported) ${d.message}`, imported: true }));
}
