import type { AstNodeDescription, LangiumDocument } from 'langium';
import { AstUtils, Cancellation, DefaultScopeComputation } from 'langium';

/**
 * Ids are global in an architecture: every declaration, however deeply it is nested in
 * groups, is exported, so relations anywhere can name it.
 */
export class ArchScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, AstUtils.streamAllContents, cancelToken);
    }
}
