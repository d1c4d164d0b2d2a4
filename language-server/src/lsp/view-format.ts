import type { AstNode } from 'langium';
import { Formatting, type NodeFormatter } from 'langium/lsp';
import type { ArchElement, Group, Relation } from '../../generated/ast.js';
import { isFilterPattern, isFlow, isFlowCall, isFlowParallel, isIdPattern, isIncomingPattern, isLink, isMeta, isMetaEntry, isTags, isView } from '../../generated/ast.js';

type Body = (f: NodeFormatter<AstNode>, members: readonly AstNode[], inline: boolean) => void;

/** Tags, meta and links of a declaration or relation: members of its body like properties. */
export function annotations(node: ArchElement | Group | Relation): AstNode[] {
    return [...(node.tags ?? []), ...(node.metas ?? []), ...(node.links ?? [])];
}

/**
 * The canonical layout of tags, meta, links, views and flows: `tags a, b`;
 * `meta { k "v" }` on one line when written so; a view's clauses one per line
 * (`include a, b.*, c->*, tag:x`); a flow's steps one per line, `a -> b "label";`,
 * a `parallel { … }` block on one line when written so.
 */
export function formatViewSyntax(f: NodeFormatter<AstNode>, node: AstNode, body: Body): void {
    if (isTags(node)) {
        f.keyword('tags').append(Formatting.oneSpace());
        f.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
    } else if (isMeta(node)) {
        body(f, node.entries, true);
    } else if (isMetaEntry(node)) {
        f.property('value').prepend(Formatting.oneSpace());
    } else if (isLink(node)) {
        f.properties('url', 'title').prepend(Formatting.oneSpace());
    } else if (isView(node)) {
        f.properties('name', 'label').prepend(Formatting.oneSpace());
        f.keyword('{').prepend(Formatting.oneSpace());
        f.keywords('include', 'exclude', 'direction', 'level', 'title').prepend({ options: {}, moves: [{ tabs: 1, lines: 1 }] });
        f.keywords('include', 'exclude', 'direction', 'level', 'title').append(Formatting.oneSpace());
        f.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        f.keyword('}').prepend(Formatting.newLine());
    } else if (isFilterPattern(node)) {
        f.keyword(':').prepend(Formatting.noSpace()).append(Formatting.noSpace());
    } else if (isIdPattern(node)) {
        f.keywords('.*', '->', '*').prepend(Formatting.noSpace());
    } else if (isIncomingPattern(node)) {
        f.keyword('->').prepend(Formatting.noSpace()).append(Formatting.noSpace());
    } else if (isFlow(node)) {
        f.properties('name', 'label').prepend(Formatting.oneSpace());
        body(f, node.steps, false);
    } else if (isFlowParallel(node)) {
        body(f, node.steps, true);
        f.keyword(';').prepend(Formatting.noSpace());
    } else if (isFlowCall(node)) {
        f.property('arrow').surround(Formatting.oneSpace());
        f.keyword('optional').append(Formatting.oneSpace());
        f.properties('label').prepend(Formatting.oneSpace());
        f.keyword('await').prepend(Formatting.oneSpace());
        f.keyword(';').prepend(Formatting.noSpace());
    }
}
