import type { AstNode, AstNodeDescription, LangiumDocument, MultiMap } from 'langium';
import { AstUtils, Cancellation, DefaultScopeComputation } from 'langium';

/**
 * Ids are global in an architecture: every declaration, however deeply it is nested in
 * groups, is exported, so relations anywhere can name it.
 */
export class ArchScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, AstUtils.streamAllContents, cancelToken);
    }

    /**
     * No local symbols: every declaration is already in the global scope, and a local scope
     * is searched linearly, which made linking quadratic (10,000 elements took minutes).
     */
    protected override addLocalSymbol(_node: AstNode, _document: LangiumDocument, _symbols: MultiMap<AstNode, AstNodeDescription>): void {
        // Intentionally empty.
    }
}
