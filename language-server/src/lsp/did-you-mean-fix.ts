import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';

const DID_YOU_MEAN = /Did you mean '([^']+)'\?/;

/**
 * "Did you mean 'ordersDb'?" as a quick fix: the diagnostic's range is the misspelt word
 * (an unknown reference, kind or property), and the fix writes the word meant over it.
 */
export function didYouMeanFix(diagnostic: Diagnostic, uri: string): CodeAction | undefined {
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    const meant = DID_YOU_MEAN.exec(message)?.[1];
    const { start, end } = diagnostic.range;
    if (!meant || start.line !== end.line || start.character === end.character) return undefined;
    return {
        title: `Change to '${meant}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: meant }] } },
    };
}
