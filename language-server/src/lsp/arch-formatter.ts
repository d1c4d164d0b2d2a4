import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext, type NodeFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { ArchElement, Group, Model, Relation } from '../../generated/ast.js';
import { isArchElement, isFlow, isFlowCall, isFlowParallel, isGroup, isImport, isLink, isMeta, isMetaEntry, isModel, isOwner, isProperty, isRelation, isTags, isTrigger, isView, isViewPattern } from '../../generated/ast.js';
import { annotations, formatViewSyntax } from './view-format.js';

/**
 * The one canonical layout of `.arch` files:
 * - two spaces of indentation per level of braces, whatever the editor's settings;
 * - one member per line; a blank line the author left before a member (or a comment) is
 *   kept, more than one become one; none is kept before `}`;
 * - one space on each side of `:` and of arrows, and between the words of a header;
 * - a body without nested declarations (`{ replicas 3 timeout 2s }`, `{ owner orders }`)
 *   that was written on one line stays on one line; any other body is opened, one member
 *   per line;
 * - an empty body is `{}`; the file ends with one newline.
 * Comments stay where they are; a comment on a line of its own is indented like the
 * members around it, with at most one blank line before it.
 */
export class ArchFormatter extends AbstractFormatter {
    /** Brace depth of each comment, by offset, for the document being formatted. */
    private commentDepths = new Map<number, number>();

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const canonical: FormattingOptions = { ...options, tabSize: 2, insertSpaces: true };
        this.commentDepths = commentDepths(document);
        const edits = super.doDocumentFormat(document, canonical, range);
        return range ? edits : [...edits, ...finalNewline(document)];
    }

    /**
     * Langium re-indents a comment by the indentation in effect when it meets it, which
     * inside a body is the level of the braces, not of the members; and it keeps any
     * number of blank lines before it. Indent by brace depth and keep one blank line.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const depth = this.commentDepths.get(hidden.offset);
        const start = hidden.range.start;
        if (depth === undefined) return super.createHiddenTextEdits(previous, hidden, formatting, context);
        if (previous && previous.range.end.line === start.line) return [];
        const lines = previous ? Math.min(start.line - previous.range.end.line, 2) : 0;
        const indent = '  '.repeat(depth);
        const lineStart = { line: start.line, character: 0 };
        // From the end of what comes before, so that spaces on blank lines above go too.
        const edits: TextEdit[] = [previous
            ? { range: { start: previous.range.end, end: start }, newText: '\n'.repeat(lines) + indent }
            : { range: { start: lineStart, end: start }, newText: indent }];
        // The other lines of a block comment move with its first line.
        const shift = indent.length - start.character;
        hidden.text.split('\n').slice(1).forEach((text, i) => {
            const line = start.line + 1 + i;
            if (shift > 0) edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: ' '.repeat(shift) });
            if (shift < 0) {
                const removable = Math.min(-shift, text.length - text.trimStart().length);
                edits.push({ range: { start: { line, character: 0 }, end: { line, character: removable } }, newText: '' });
            }
        });
        return edits;
    }

    protected override format(node: AstNode): void {
        if (isModel(node)) this.formatModel(node);
        else if (isArchElement(node)) this.formatDeclaration(node, [...node.properties, ...node.triggers, ...node.owners, ...node.sidecars, ...annotations(node)]);
        else if (isGroup(node)) this.formatDeclaration(node, [...node.properties, ...node.members, ...annotations(node)]);
        else if (isTags(node) || isMeta(node) || isMetaEntry(node) || isLink(node) || isView(node) || isFlow(node) || isFlowCall(node) || isFlowParallel(node) || isViewPattern(node)) formatViewSyntax(this.getNodeFormatter(node), node, (f, members, inline) => this.formatBody(f, members, inline));
        else if (isRelation(node)) this.formatRelation(node);
        else if (isProperty(node)) this.getNodeFormatter(node).property('value').prepend(Formatting.oneSpace());
        else if (isTrigger(node)) this.getNodeFormatter(node).properties('source', 'label').prepend(Formatting.oneSpace());
        else if (isOwner(node)) this.getNodeFormatter(node).property('service').prepend(Formatting.oneSpace());
        else if (isImport(node)) this.getNodeFormatter(node).property('path').prepend(Formatting.oneSpace());
    }

    private formatModel(model: Model): void {
        const f = this.getNodeFormatter(model);
        const lines = model.imports.map(i => i.$cstNode);
        if (model.title !== undefined) {
            // The block starts on a line of its own after the imports, like a member.
            lines.push(...f.keyword('architecture').nodes);
            f.property('title').prepend(Formatting.oneSpace());
            this.formatBody(f, [...model.members, ...model.views, ...model.flows], false);
        } else {
            lines.push(...[...model.members, ...model.views, ...model.flows].map(m => m.$cstNode));
        }
        // Nothing goes before the first line of the file, but a comment may.
        sortByOffset(lines).forEach((node, i) => {
            if (i > 0 || CstUtils.getPreviousNode(node, true)?.hidden) f.cst([node]).prepend(betweenMembers(0));
        });
    }

    private formatDeclaration(node: ArchElement | Group, members: readonly AstNode[]): void {
        const f = this.getNodeFormatter(node);
        f.properties('name', 'label').prepend(Formatting.oneSpace());
        f.keyword(':').surround(Formatting.oneSpace());
        this.formatBody(f, members, !members.some(isArchElement) && !members.some(isGroup) && !members.some(isRelation));
    }

    private formatRelation(node: Relation): void {
        const f = this.getNodeFormatter(node);
        f.property('arrow').surround(Formatting.oneSpace());
        f.keyword(':').surround(Formatting.oneSpace());
        f.property('label').prepend(Formatting.oneSpace());
        this.formatBody(f, [...node.properties, ...annotations(node)], true);
    }

    /** Lays out `{ … }` (also for `view-format.ts`): on one line when `inline` allows it and it was written so, else one member per line. */
    formatBody(f: NodeFormatter<AstNode>, members: readonly AstNode[], inline: boolean): void {
        const open = f.keyword('{');
        const close = f.keyword('}');
        if (open.nodes.length === 0 || close.nodes.length === 0) return;
        open.prepend(Formatting.oneSpace());
        const sorted = sortByOffset(members.map(m => m.$cstNode));
        if (sorted.length === 0) {
            close.prepend(Formatting.noSpace());
        } else if (inline && open.nodes[0].range.start.line === close.nodes[0].range.end.line) {
            f.cst(sorted).prepend(Formatting.oneSpace());
            close.prepend(Formatting.oneSpace());
        } else {
            this.membersOnLines(f, sorted, 1);
            close.prepend(Formatting.newLine());
        }
    }

    /** Each node on a line of its own, `tabs` deeper than the enclosing line; blank lines kept up to one. */
    private membersOnLines(f: NodeFormatter<AstNode>, nodes: ReadonlyArray<CstNode | undefined>, tabs: number): void {
        f.cst(sortByOffset(nodes)).prepend(betweenMembers(tabs));
    }
}

/** A new line, or two where the author left a blank line. */
function betweenMembers(tabs: number): FormattingAction {
    return { options: {}, moves: [{ tabs, lines: 1 }, { tabs, lines: 2 }] };
}

function sortByOffset(nodes: ReadonlyArray<CstNode | undefined>): CstNode[] {
    return nodes.filter((n): n is CstNode => n !== undefined).sort((a, b) => a.offset - b.offset);
}

/** For each comment, the number of braces open around it. */
function commentDepths(document: LangiumDocument): Map<number, number> {
    const depths = new Map<number, number>();
    const root = document.parseResult.value.$cstNode;
    if (!root) return depths;
    let depth = 0;
    for (const leaf of CstUtils.flattenCst(root)) {
        if (leaf.hidden) depths.set(leaf.offset, depth);
        else if (leaf.text === '{') depth++;
        else if (leaf.text === '}') depth = Math.max(0, depth - 1);
    }
    return depths;
}

/** Trailing blank lines and spaces at the end of the file become exactly one newline. */
function finalNewline(document: LangiumDocument): TextEdit[] {
    const text = document.textDocument.getText();
    const end = text.trimEnd().length;
    if (end === 0 || text.slice(end) === '\n') return [];
    const range = { start: document.textDocument.positionAt(end), end: document.textDocument.positionAt(text.length) };
    return [{ range, newText: '\n' }];
}
