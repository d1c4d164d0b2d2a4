import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { ArchServices } from '../arch-module.js';
import type { RuleDiagnosticData } from '../rules/quick-fix.js';
import { didYouMeanFix } from './did-you-mean-fix.js';
import { flowStepFix } from './flow-step-fix.js';
import { editsForFix, suppressionEdit } from './fix-edits.js';

function ruleData(diagnostic: Diagnostic): RuleDiagnosticData | undefined {
    const data = diagnostic.data as Partial<RuleDiagnosticData> | undefined;
    return data && typeof data.code === 'string' && data.target && Array.isArray(data.fixes) ? data as RuleDiagnosticData : undefined;
}

/**
 * "Did you mean …?" fixes for misspelt ids, kinds and properties, and quick fixes for
 * rule findings: the rule's mechanical fixes (add replicas, a timeout and
 * breaker, a sidecar, a telemetry link, a gateway, a trigger; remove an orphan) and, for
 * every finding, a suppression comment.
 */
export class ArchCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: ArchServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const model = this.services.model.ModelProvider.getModel(document);
        const uri = document.uri.toString();
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const spelling = didYouMeanFix(diagnostic, uri);
            if (spelling) actions.push(spelling);
            const step = flowStepFix(diagnostic, document, model);
            if (step) actions.push(step);
            const data = ruleData(diagnostic);
            if (!data) continue;
            data.fixes.forEach((fix, i) => {
                const edits = editsForFix(document, model, fix);
                if (edits && edits.length > 0) {
                    actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, edit: { changes: { [uri]: edits } } });
                }
            });
            const suppress = suppressionEdit(document, model, data.target, data.code);
            if (suppress) {
                actions.push({ title: `Suppress '${data.code}' here with a comment`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [suppress] } } });
            }
        }
        return actions;
    }
}
