import type { AstNode } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import type { Declaration } from '../../generated/ast.js';
import { isArchElement, isGroup, isOwner, isRelation, isTrigger } from '../../generated/ast.js';
import { ELEMENT_KINDS, type Tier } from '../model/kinds.js';
import { isElementKind } from './kind-icons.js';

const TIER_TOKENS: Readonly<Record<Tier, SemanticTokenTypes>> = {
    client: SemanticTokenTypes.interface,
    edge: SemanticTokenTypes.interface,
    compute: SemanticTokenTypes.class,
    messaging: SemanticTokenTypes.event,
    data: SemanticTokenTypes.struct,
    platform: SemanticTokenTypes.type,
    observability: SemanticTokenTypes.enumMember,
};

/** The token type of a declaration: a function as a function, groups as namespaces, others by tier. */
function tokenTypeOf(declaration: Declaration): SemanticTokenTypes {
    if (isGroup(declaration)) return SemanticTokenTypes.namespace;
    if (declaration.kind === 'function') return SemanticTokenTypes.function;
    return isElementKind(declaration.kind) ? TIER_TOKENS[ELEMENT_KINDS[declaration.kind].tier] : SemanticTokenTypes.variable;
}

/**
 * Colours ids by what they name, the same at the declaration and at every reference, so
 * `payments` in `orders -> payments` looks like the service it is. The TextMate grammar
 * colours everything else; an id that resolves to nothing keeps its TextMate colour.
 */
export class ArchSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isArchElement(node) || isGroup(node)) {
            acceptor({ node, property: 'name', type: tokenTypeOf(node), modifier: SemanticTokenModifiers.declaration });
        } else if (isRelation(node)) {
            if (node.source?.ref) acceptor({ node, property: 'source', type: tokenTypeOf(node.source.ref) });
            if (node.target?.ref) acceptor({ node, property: 'target', type: tokenTypeOf(node.target.ref) });
        } else if (isTrigger(node)) {
            if (node.source?.ref) acceptor({ node, property: 'source', type: tokenTypeOf(node.source.ref) });
        } else if (isOwner(node)) {
            if (node.service?.ref) acceptor({ node, property: 'service', type: tokenTypeOf(node.service.ref) });
        }
    }
}
