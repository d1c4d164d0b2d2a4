import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../../language-server/generated/ast.js';
import { createTestServices, type TestServices } from '../helpers/services.js';

export { arch } from '../helpers/services.js';

/** Services for rule tests: the language services over an in-memory file system. */
export function createRuleTestServices(): TestServices {
    return createTestServices();
}

/** Parses and validates a document. */
export async function check(services: TestServices, text: string): Promise<LangiumDocument<Model>> {
    return services.parse(text, { validation: true });
}

/** The diagnostics of one rule, as `line:col severity message`, the way a reviewer reads them. */
export function findingsOf(doc: LangiumDocument, ruleId: string): string[] {
    return diagnosticsOf(doc, ruleId).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1]} ${d.message}`);
}

export function diagnosticsOf(doc: LangiumDocument, ruleId: string): Diagnostic[] {
    return (doc.diagnostics ?? []).filter(d => d.code === ruleId);
}

/** The related information of a diagnostic as `line:col message`. */
export function relatedOf(diagnostic: Diagnostic): string[] {
    return (diagnostic.relatedInformation ?? []).map(r => `${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`);
}

/** The quick fixes offered for a diagnostic. */
export async function codeActionsFor(services: TestServices, doc: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await services.Arch.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: { uri: doc.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
    });
    return (actions ?? []) as CodeAction[];
}

/** Applies the code action whose title matches and returns the new text of the document. */
export async function applyFix(services: TestServices, doc: LangiumDocument, diagnostic: Diagnostic, title: RegExp): Promise<string> {
    const actions = await codeActionsFor(services, doc, diagnostic);
    const action = actions.find(a => title.test(a.title));
    if (!action) throw new Error(`No code action matches ${title}; offered: ${actions.map(a => a.title).join(' | ')}`);
    const edits = action.edit?.changes?.[doc.uri.toString()] ?? [];
    const text = TextDocument.create(doc.uri.toString(), 'arch', 0, doc.textDocument.getText());
    return TextDocument.applyEdits(text, edits);
}

/**
 * Applies a fix, checks the edited text again, and returns it with its findings of the
 * rule: the test then asserts that the finding is gone and nothing else broke.
 */
export async function fixAndRecheck(services: TestServices, doc: LangiumDocument, ruleId: string, title: RegExp) {
    const [diagnostic] = diagnosticsOf(doc, ruleId);
    if (!diagnostic) throw new Error(`No ${ruleId} finding to fix`);
    const text = await applyFix(services, doc, diagnostic, title);
    const fixed = await check(services, text);
    const errors = (fixed.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
    return { text, findings: findingsOf(fixed, ruleId), errors };
}
