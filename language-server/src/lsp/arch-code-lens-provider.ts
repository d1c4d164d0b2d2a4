import type { LangiumDocument } from 'langium';
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

/**
 * "blast radius: 3 elements (web, edge, orders)" above each element whose failure takes
 * others with it. An element nothing fails with gets no lens: a lens on every line that
 * says "none" is noise. The setting `archsight.codeLens.blastRadius` turns them off.
 */
export class ArchCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: ArchServices) {}

    async provideCodeLens(document: LangiumDocument): Promise<CodeLens[] | undefined> {
        if (!await blastRadiusLensesOn(this.services)) return [];
        const model = this.services.model.ModelProvider.getModel(document);
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const e of model.elements.values()) {
            if (e.location.uri !== uri) continue;
            const radius = blastRadius(model, e.id).map(id => model.elements.get(id)!);
            if (radius.length === 0) continue;
            const args: BlastRadiusCommandArgs = {
                id: e.id, uri,
                elements: radius.map(r => ({ id: r.id, label: r.label, kind: r.kind, uri: r.location.uri, range: r.location.range })),
            };
            lenses.push({ range: e.location.range, command: { title: lensTitle(radius.map(r => r.id)), command: SHOW_BLAST_RADIUS, arguments: [args] } });
        }
        return lenses;
    }
}

/** The setting `archsight.codeLens.blastRadius` (on unless set to false). */
async function blastRadiusLensesOn(services: ArchServices): Promise<boolean> {
    const setting = await services.shared.workspace.ConfigurationProvider.getConfiguration('arch', 'codeLens') as { blastRadius?: unknown } | undefined;
    return setting?.blastRadius !== false;
}

export function lensTitle(ids: readonly string[]): string {
    if (ids.length === 0) return 'blast radius: none';
    const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
    return `blast radius: ${ids.length} element${ids.length === 1 ? '' : 's'} (${shown})`;
}
