import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import { blastRadius } from '../analysis/blast-radius.js';
import type { ArchServices } from '../arch-module.js';

/** The client command a blast-radius lens runs (registered by the extension). */
export const SHOW_BLAST_RADIUS = 'archsight.showBlastRadius';

/** What the lens hands to the command: the element and what fails with it, with places to reveal. */
export interface BlastRadiusCommandArgs {
    readonly id: string;
    readonly uri: string;
    readonly elements: ReadonlyArray<{ readonly id: string; readonly label: string; readonly kind: string; readonly uri: string; readonly range: Range }>;
}

/** "blast radius: 3 elements (web, edge, orders)" above each element declared in the document. */
export class ArchCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: ArchServices) {}

    provideCodeLens(document: LangiumDocument): MaybePromise<CodeLens[] | undefined> {
        const model = this.services.model.ModelProvider.getModel(document);
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const e of model.elements.values()) {
            if (e.location.uri !== uri) continue;
            const radius = blastRadius(model, e.id).map(id => model.elements.get(id)!);
            const args: BlastRadiusCommandArgs = {
                id: e.id, uri,
                elements: radius.map(r => ({ id: r.id, label: r.label, kind: r.kind, uri: r.location.uri, range: r.location.range })),
            };
            lenses.push({ range: e.location.range, command: { title: lensTitle(radius.map(r => r.id)), command: SHOW_BLAST_RADIUS, arguments: [args] } });
        }
        return lenses;
    }
}

export function lensTitle(ids: readonly string[]): string {
    if (ids.length === 0) return 'blast radius: none';
    const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
    return `blast radius: ${ids.length} element${ids.length === 1 ? '' : 's'} (${shown})`;
}
