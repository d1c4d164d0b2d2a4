import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Flow, Model, View } from '../../generated/ast.js';
import { isArchElement, isFlow, isFlowParallel, isGroup, isModel } from '../../generated/ast.js';
import { symbolKindOf } from './kind-icons.js';

/**
 * The outline and breadcrumbs: the architecture, its groups with their members nested
 * inside, elements with their sidecars, each with its label, kind and technology as
 * detail (VS Code shows it beside the id: `orders  Order Service · service : go`).
 * Relations and imports are left out: they have no name, and an outline of fifty
 * `a -> b` lines would bury the structure it is there to show.
 */
export class ArchDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        if (isModel(node)) return this.modelSymbols(document, node);
        if (!isArchElement(node) && !isGroup(node)) return [];
        const nameNode = this.nameProvider.getNameNode(node);
        if (!nameNode || !node.$cstNode) return [];
        return [{
            name: node.name,
            detail: symbolDetail(node.label, node.kind, node.technology),
            kind: symbolKindOf(node.kind),
            range: node.$cstNode.range,
            selectionRange: nameNode.range,
            children: this.getChildSymbols(document, node),
        }];
    }

    /** Views and flows are listed with the declarations, as `view` and `flow · 4 steps`. */
    private viewSymbol(node: View | Flow): DocumentSymbol[] {
        const nameNode = this.nameProvider.getNameNode(node);
        if (!node.name || !nameNode || !node.$cstNode) return [];
        const steps = isFlow(node) ? (node.steps ?? []).flatMap(s => (isFlowParallel(s) ? s.steps ?? [] : [s])).length : 0;
        const what = isFlow(node) ? `flow · ${steps} step${steps === 1 ? '' : 's'}` : 'view';
        const label = node.label?.replace(/\s+/g, ' ').trim();
        return [{
            name: node.name,
            detail: label ? `${label} · ${what}` : what,
            kind: isFlow(node) ? SymbolKind.Event : SymbolKind.Interface,
            range: node.$cstNode.range,
            selectionRange: nameNode.range,
        }];
    }

    /** With an `architecture "Title" { … }` block, everything nests under the title. */
    private modelSymbols(document: LangiumDocument, model: Model): DocumentSymbol[] {
        const members = [
            ...model.members.flatMap(member => this.getSymbol(document, member)),
            ...[...(model.views ?? []), ...(model.flows ?? [])].flatMap(node => this.viewSymbol(node)),
        ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        const titleNode = GrammarUtils.findNodeForProperty(model.$cstNode, 'title');
        const open = GrammarUtils.findNodeForKeyword(model.$cstNode, 'architecture');
        if (model.title === undefined || !titleNode || !open || !model.$cstNode) return members;
        return [{
            name: model.title,
            detail: 'architecture',
            kind: SymbolKind.File,
            range: { start: open.range.start, end: model.$cstNode.range.end },
            selectionRange: titleNode.range,
            children: members,
        }];
    }
}

/** What the outline shows beside an id: the label, then kind and technology. */
export function symbolDetail(label: string | undefined, kind: string, technology: string | undefined): string {
    const what = technology ? `${kind} : ${technology}` : kind;
    // One line: a label may hold line breaks (strings can span lines).
    const text = label?.replace(/\s+/g, ' ').trim();
    return text ? `${text} · ${what}` : what;
}
