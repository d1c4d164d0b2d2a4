import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Property, Relation } from '../../generated/ast.js';
import { isArchElement, isGroup, isRelation } from '../../generated/ast.js';
import type { ArchModel } from '../model/model-types.js';
import type { TargetRef } from '../rules/finding.js';
import type { PropertyEdit, QuickFix } from '../rules/quick-fix.js';
import { locateTarget } from '../rules/rule-runner.js';

/**
 * Turns a quick fix (data) into text edits against the document as it is now. Returns
 * undefined when the fix no longer applies, or would have to edit another file.
 */
export function editsForFix(document: LangiumDocument, model: ArchModel, fix: QuickFix): TextEdit[] | undefined {
    const text = new DocumentText(document);
    const own = (target: TargetRef) => {
        const located = locateTarget(model, target);
        return located && located.location.uri === document.uri.toString() ? located.node : undefined;
    };
    switch (fix.kind) {
        case 'set-properties': {
            const node = own(fix.target);
            return node ? text.setProperties(node, fix.properties) : undefined;
        }
        case 'add-sidecar': {
            const node = own({ kind: 'element', id: fix.elementId });
            return node ? [text.insertIntoBody(node, `sidecar ${fix.sidecarId} : ${fix.technology}`)] : undefined;
        }
        case 'add-trigger': {
            const node = own({ kind: 'element', id: fix.functionId });
            return node ? [text.insertIntoBody(node, `trigger ${fix.sourceId}`)] : undefined;
        }
        case 'add-lines': {
            const node = own({ kind: 'element', id: fix.afterId });
            return node ? [text.linesAfter(node, fix.lines)] : undefined;
        }
        case 'remove-element': {
            const node = own({ kind: 'element', id: fix.elementId });
            return node ? [text.deleteDeclaration(node)] : undefined;
        }
        case 'change-arrow': {
            const node = own({ kind: 'relation', id: fix.relationId });
            const arrow = node && isRelation(node) ? GrammarUtils.findNodeForProperty(node.$cstNode, 'arrow') : undefined;
            return arrow ? [{ range: arrow.range, newText: fix.arrow }] : undefined;
        }
        case 'insert-gateway':
            return insertGateway(text, model, fix, own);
    }
}

/** `// archsight-ignore <rule>: <reason>` on the line above the declaration a finding is on. */
export function suppressionEdit(document: LangiumDocument, model: ArchModel, target: TargetRef, ruleId: string): TextEdit | undefined {
    const located = locateTarget(model, target);
    if (!located || located.location.uri !== document.uri.toString()) return undefined;
    const line = located.location.fullRange.start.line;
    const text = new DocumentText(document);
    return { range: point({ line, character: 0 }), newText: `${text.indentOf(line)}// archsight-ignore ${ruleId}: <reason>\n` };
}

function insertGateway(text: DocumentText, model: ArchModel, fix: Extract<QuickFix, { kind: 'insert-gateway' }>, own: (t: TargetRef) => AstNode | undefined): TextEdit[] | undefined {
    const anchor = own({ kind: 'element', id: fix.anchorId });
    if (!anchor) return undefined;
    const edits: TextEdit[] = [];
    const lines: string[] = [];
    if (fix.declare) lines.push(`gateway ${fix.gatewayId} "API Gateway"${fix.unexpose.length > 0 ? ' { exposure public }' : ''}`);
    // The first call of each client now goes to the gateway; its other direct calls go away.
    const callTail = new Map<string, string>();
    const rerouted = new Set<string>();
    for (const id of fix.reroute) {
        const node = own({ kind: 'relation', id });
        if (!node || !isRelation(node) || !node.target.$refNode) return undefined;
        const tail = text.after(node.target.$refNode, node);
        if (!callTail.has(node.target.$refText)) callTail.set(node.target.$refText, tail);
        const source = node.source.$refText;
        if (rerouted.has(source)) {
            edits.push(text.deleteDeclaration(node));
        } else {
            rerouted.add(source);
            edits.push({ range: node.target.$refNode.range, newText: fix.gatewayId });
        }
    }
    const calls = new Set(model.relations.filter(r => r.kind === 'sync' && r.sourceId === fix.gatewayId).map(r => r.targetId));
    for (const id of fix.behind) if (!calls.has(id)) lines.push(`${fix.gatewayId} -> ${id}${callTail.get(id) ?? ''}`);
    for (const id of fix.unexpose) {
        const node = own({ kind: 'element', id });
        if (node) edits.push(...text.setProperties(node, [{ key: 'exposure', value: 'internal' }]));
    }
    if (lines.length > 0) edits.push(text.linesAfter(anchor, lines));
    return edits;
}

const point = (p: Position): Range => ({ start: p, end: p });

/** Text-level helpers that keep the file's indentation. */
class DocumentText {
    private readonly lines: string[];
    private readonly unit: string;

    constructor(private readonly document: LangiumDocument) {
        this.lines = document.textDocument.getText().split(/\r?\n/);
        const indents = this.lines.map(l => /^[ \t]*/.exec(l)![0]).filter(i => i.length > 0 && i.trim() === '');
        this.unit = indents.sort((a, b) => a.length - b.length)[0] ?? '    ';
    }

    indentOf(line: number): string {
        return /^[ \t]*/.exec(this.lines[line] ?? '')![0];
    }

    /** The text between a child CST node and the end of a declaration: `: rest "label" { … }`. */
    after(child: CstNode, node: AstNode): string {
        const doc = this.document.textDocument;
        return doc.getText({ start: child.range.end, end: node.$cstNode!.range.end });
    }

    setProperties(node: AstNode, properties: readonly PropertyEdit[]): TextEdit[] {
        const written = propertiesOf(node);
        const edits: TextEdit[] = [];
        const fresh: string[] = [];
        for (const p of properties) {
            const text = p.value === undefined ? p.key : `${p.key} ${p.value}`;
            const existing = written.find(w => w.key === p.key);
            if (existing?.$cstNode) edits.push({ range: existing.$cstNode.range, newText: text });
            else fresh.push(text);
        }
        if (fresh.length > 0) edits.push(this.insertIntoBody(node, fresh.join(' ')));
        return edits;
    }

    /** Adds a line to a declaration's braces, or gives it braces when it has none. */
    insertIntoBody(node: AstNode, text: string): TextEdit {
        const cst = node.$cstNode!;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        const closes = GrammarUtils.findNodesForKeyword(cst, '}');
        const close = closes[closes.length - 1];
        if (!open || !close) return { range: point(cst.range.end), newText: ` { ${text} }` };
        const beforeClose = this.lines[close.range.start.line].slice(0, close.range.start.character);
        if (open.range.start.line !== close.range.start.line && beforeClose.trim() === '') {
            const indent = this.indentOf(cst.range.start.line) + this.unit;
            return { range: point({ line: close.range.start.line, character: 0 }), newText: `${indent}${text}\n` };
        }
        const spaced = /\s$/.test(beforeClose) ? `${text} ` : ` ${text} `;
        return { range: point(close.range.start), newText: spaced };
    }

    /** New lines right below a declaration, at its indentation. */
    linesAfter(node: AstNode, lines: readonly string[]): TextEdit {
        const end = node.$cstNode!.range.end;
        const indent = this.indentOf(node.$cstNode!.range.start.line);
        if (end.line + 1 < this.lines.length) {
            return { range: point({ line: end.line + 1, character: 0 }), newText: lines.map(l => `${indent}${l}\n`).join('') };
        }
        return { range: point({ line: end.line, character: this.lines[end.line].length }), newText: lines.map(l => `\n${indent}${l}`).join('') };
    }

    /** Deletes a declaration, with its whole line when nothing else is on it. */
    deleteDeclaration(node: AstNode): TextEdit {
        const range = node.$cstNode!.range;
        const before = this.lines[range.start.line].slice(0, range.start.character);
        const after = this.lines[range.end.line].slice(range.end.character);
        if (before.trim() === '' && after.trim() === '' && range.end.line + 1 < this.lines.length) {
            return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
        }
        return { range, newText: '' };
    }
}

function propertiesOf(node: AstNode): readonly Property[] {
    if (isArchElement(node) || isGroup(node)) return node.properties;
    if (isRelation(node)) return (node as Relation).properties;
    return [];
}
