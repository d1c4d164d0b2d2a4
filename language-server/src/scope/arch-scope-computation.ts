import type { AstNode, AstNodeDescription, LangiumDocument, LocalSymbols, MultiMap as MultiMapType } from 'langium';
import { Cancellation, DefaultScopeComputation, interruptAndCheck, MultiMap } from 'langium';
import { isArchElement, isGroup, type ArchElement, type Member, type Model } from '../../generated/ast.js';

/** Declarations exported between two checks for cancellation (each check is an `await`: one per node cost more than the visit). */
const CHECK_EVERY = 256;

/**
 * Ids are global in an architecture: every declaration, however deeply it is nested in
 * groups, is exported, so relations anywhere can name it.
 */
export class ArchScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        let visited = 0;
        for (const node of declarations(document.parseResult.value as Model)) {
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

/**
 * What has a name, in source order: groups, elements and their sidecars, views and flows.
 * Only these are walked (the grammar names nothing else): relations and properties, most
 * of a file's syntax tree, are not visited.
 */
function declarations(model: Model): AstNode[] {
    const out: AstNode[] = [];
    inMembers(model.members ?? [], out);
    for (const view of model.views ?? []) out.push(view);
    for (const flow of model.flows ?? []) out.push(flow);
    return out;
}

function inMembers(members: readonly Member[], out: AstNode[]): void {
    for (const member of members) {
        if (isGroup(member)) {
            out.push(member);
            inMembers(member.members ?? [], out);
        } else if (isArchElement(member)) {
            withSidecars(member, out);
        }
    }
}

function withSidecars(element: ArchElement, out: AstNode[]): void {
    out.push(element);
    for (const sidecar of element.sidecars ?? []) withSidecars(sidecar, out);
}
