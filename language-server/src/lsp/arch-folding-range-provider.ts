import type { LangiumDocument } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import type { FoldingRangeAcceptor } from 'langium/lsp';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { Model } from '../../generated/ast.js';

/**
 * Langium folds every node of three lines or more and block comments. Added here: the
 * `architecture { … }` block (the root node, which Langium skips), the imports, and runs
 * of `//` line comments such as the header that explains a sample.
 */
export class ArchFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const model = document.parseResult.value as Model;
        const root = model.$cstNode;
        if (!root) return;
        const open = GrammarUtils.findNodeForKeyword(root, 'architecture');
        const close = GrammarUtils.findNodesForKeyword(root, '}').at(-1);
        if (open && close && close.range.start.line - open.range.start.line >= 2) {
            acceptor(FoldingRange.create(open.range.start.line, close.range.start.line - 1));
        }
        const imports = model.imports.map(i => i.$cstNode).filter(n => n !== undefined);
        if (imports.length >= 2) {
            acceptor(FoldingRange.create(imports[0].range.start.line, imports[imports.length - 1].range.end.line, undefined, undefined, FoldingRangeKind.Imports));
        }
        this.collectLineCommentRuns(root, acceptor);
    }

    private collectLineCommentRuns(root: NonNullable<Model['$cstNode']>, acceptor: FoldingRangeAcceptor): void {
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor(FoldingRange.create(run.start, run.end, undefined, undefined, FoldingRangeKind.Comment));
            run = undefined;
        };
        let previousLine = -1;
        for (const leaf of CstUtils.flattenCst(root)) {
            const line = leaf.range.start.line;
            const ownLine = line !== previousLine;
            previousLine = leaf.range.end.line;
            if (leaf.hidden && leaf.text.startsWith('//') && ownLine) {
                if (run && run.end === line - 1) run.end = line;
                else {
                    flush();
                    run = { start: line, end: line };
                }
            } else {
                flush();
            }
        }
        flush();
    }
}
