import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { URI, UriUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchServices } from '../arch-module.js';
import type { ConfigProblem } from './config/rule-settings.js';
import type { RuleDiagnosticData } from './quick-fix.js';
import { INTERNAL_ERROR } from './rule-runner.js';

/** The code of a diagnostic about the rule configuration itself. */
export const CONFIG_ERROR = 'config-error';

/**
 * Runs the rules on the model of `document` and reports what belongs to it: findings on
 * its own declarations (findings on imported declarations are reported in their file),
 * rules that failed, and mistakes in the configuration that applies to it.
 */
export async function reportRuleFindings(services: ArchServices, document: LangiumDocument, accept: ValidationAcceptor): Promise<void> {
    const root = document.parseResult.value;
    const uri = document.uri.toString();
    const config = await services.rules.ConfigProvider.configFor(document.uri);
    for (const problem of config.problems) reportConfigProblem(document, root, problem, accept);
    const model = services.model.ModelProvider.getModel(document);
    for (const finding of services.rules.RuleRunner.run(model, config)) {
        if (!finding.location || !finding.node) {
            if (finding.ruleId === INTERNAL_ERROR) accept('error', finding.message, { node: root, range: firstLine(document), code: INTERNAL_ERROR });
            continue;
        }
        if (finding.location.uri !== uri || !finding.target) continue;
        const data: RuleDiagnosticData = { code: finding.ruleId, target: finding.target, fixes: finding.fixes };
        accept(finding.severity, finding.message, {
            node: finding.node,
            range: finding.location.range,
            code: finding.ruleId,
            codeDescription: { href: finding.docs },
            relatedInformation: finding.related.map(r => ({ location: { uri: r.location.uri, range: r.location.range }, message: r.message })),
            data,
        });
    }
}

function reportConfigProblem(document: LangiumDocument, root: AstNode, problem: ConfigProblem, accept: ValidationAcceptor): void {
    const file = problem.uri ? UriUtils.relative(UriUtils.dirname(document.uri), URI.parse(problem.uri)) : undefined;
    const where = file ? `${file}${problem.line ? `:${problem.line}:${problem.column}` : ''}: ` : '';
    const range: Range | undefined = problem.line !== undefined
        ? { start: { line: problem.line - 1, character: problem.column! - 1 }, end: { line: problem.endLine! - 1, character: problem.endColumn! - 1 } }
        : undefined;
    accept('error', `${where}${problem.message}`, {
        node: root,
        range: firstLine(document),
        code: CONFIG_ERROR,
        relatedInformation: problem.uri ? [{ location: { uri: problem.uri, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: problem.message }] : undefined,
    });
}

function firstLine(document: LangiumDocument): Range {
    const text = document.textDocument.getText();
    const end = text.search(/\r?\n/);
    return { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } };
}
