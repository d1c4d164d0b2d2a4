import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols, MultiMap as MultiMapType } from 'langium';
import { AstUtils, Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';

/** Nodes visited between two checks for cancellation (each check is an `await`: one per node cost more than the visit). */
const CHECK_EVERY = 256;

/**
 * Ids are global in an architecture: every declaration, however deeply it is nested in
 * groups, is exported, so relations anywhere can name it.
 */
export class ArchScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        let visited = 0;
        for (const node of AstUtils.streamAllContents(root)) {
            if (++visited % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            this.addExportedSymbol(node, exports, document);
        }
        return exports;
    }

    /**
     * No local symbols: every declaration is already in the global scope, and a local scope
     * is searched linearly, which made linking quadratic (10,000 elements took minutes).
     * Nothing to collect, so the AST is not even walked.
     */
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    protected override addLocalSymbol(_node: AstNode, _document: LangiumDocument, _symbols: MultiMapType<AstNode, AstNodeDescription>): void {
        // Intentionally empty (see collectLocalSymbols).
    }
}
