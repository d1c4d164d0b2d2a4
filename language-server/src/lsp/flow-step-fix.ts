import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { ArchModel } from '../model/model-types.js';
import { MISSING_STEP_RELATION } from '../validation/checks/flow-steps.js';

/**
 * "Add the relation" for a flow step the model does not have: the relation is written on
 * its own line just above the flow, with the flow's indentation, as `a -> b "label"`.
 */
export function flowStepFix(diagnostic: Diagnostic, document: LangiumDocument, model: ArchModel): CodeAction | undefined {
    if (diagnostic.code !== MISSING_STEP_RELATION) return undefined;
    const uri = document.uri.toString();
    for (const flow of model.flows.values()) {
        const step = flow.steps.find(s => s.location.uri === uri && sameStart(s.location.range.start, diagnostic.range.start));
        if (!step || step.sourceId === undefined || step.targetId === undefined) continue;
        const line = flow.location.fullRange.start.line;
        const indent = /^\s*/.exec(document.textDocument.getText({ start: { line, character: 0 }, end: { line, character: 1000 } }))![0];
        const label = step.label !== undefined ? ` ${JSON.stringify(step.label)}` : '';
        const relation = `${step.sourceId} ${step.arrow} ${step.targetId}${label}`;
        return {
            title: `Add the relation '${step.sourceId} ${step.arrow} ${step.targetId}' to the model`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${relation}\n` }] } },
        };
    }
    return undefined;
}

function sameStart(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
    return a.line === b.line && a.character === b.character;
}
