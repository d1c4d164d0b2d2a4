import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { Cancellation, URI, UriUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchServices } from '../arch-module.js';
import type { ConfigProblem } from './config/rule-settings.js';
import type { RuleDiagnosticData } from './quick-fix.js';
import { INTERNAL_ERROR, type RuleFinding } from './rule-runner.js';
import { findingSubject } from '../diff/fingerprint.js';

/** The code of a diagnostic about the rule configuration itself. */
export const CONFIG_ERROR = 'config-error';

/**
 * Runs the rules on the model of `document` and reports what belongs to it: findings on
 * its own declarations (findings on imported declarations are reported in their file),
 * rules that failed, and mistakes in the configuration that applies to it.
 */
export async function reportRuleFindings(
    services: ArchServices, document: LangiumDocument, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
): Promise<void> {
    const root = document.parseResult.value;
    const uri = document.uri.toString();
    const config = await services.rules.ConfigProvider.configFor(document.uri);
    for (const problem of config.problems) reportConfigProblem(document, root, problem, accept);
    const model = services.model.ModelProvider.getModel(document);
    const findings = await services.rules.RuleRunner.runInSlices(model, config, cancelToken);
    for (const finding of findings) {
        if (!finding.location || !finding.node) {
            if (finding.ruleId === INTERNAL_ERROR) accept('error', finding.message, { node: root, range: firstLine(document), code: INTERNAL_ERROR });
            continue;
        }
        if (finding.location.uri !== uri || !finding.target) continue;
        const data: RuleDiagnosticData = { code: finding.ruleId, target: finding.target, fixes: finding.fixes, subject: findingSubject(finding) };
        accept(finding.severity, finding.message, { ...details(finding), node: finding.node, range: finding.location.range, data });
    }
    await reportImportedTargets(services, document, findings, accept, cancelToken);
}

function details(finding: RuleFinding) {
    return {
        code: finding.ruleId,
        codeDescription: { href: finding.docs },
        relatedInformation: finding.related.map(r => ({ location: { uri: r.location.uri, range: r.location.range }, message: r.message })),
    };
}

/**
 * A finding on a declaration of an imported file that only this file's relations bring
 * about (the file imports a service and adds three callers to it) would be reported
 * nowhere: the imported file, checked alone, does not see it. Such findings are reported
 * here, on the first related place in this file, or else on the first line.
 */
async function reportImportedTargets(
    services: ArchServices, document: LangiumDocument, findings: readonly RuleFinding[], accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken,
): Promise<void> {
    const uri = document.uri.toString();
    const foreign = findings.filter(f => f.location && f.target && f.location.uri !== uri);
    const ownFindings = new Map<string, Set<string>>();
    // Per imported file, not per finding: a main file can have thousands of these.
    const relativePaths = new Map<string, string>();
    let first: Range | undefined;
    for (const finding of foreign) {
        const other = finding.location!.uri;
        if (!ownFindings.has(other)) {
            const otherDocument = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(other));
            const keys = new Set<string>();
            if (otherDocument) {
                const otherConfig = await services.rules.ConfigProvider.configFor(otherDocument.uri);
                const otherModel = services.model.ModelProvider.getModel(otherDocument);
                for (const f of await services.rules.RuleRunner.runInSlices(otherModel, otherConfig, cancelToken)) if (f.target) keys.add(`${f.ruleId} ${f.target.kind} ${f.target.id}`);
            }
            ownFindings.set(other, keys);
        }
        if (ownFindings.get(other)!.has(`${finding.ruleId} ${finding.target!.kind} ${finding.target!.id}`)) continue;
        const anchor = finding.related.find(r => r.location.uri === uri)?.location.range ?? (first ??= firstLine(document));
        let file = relativePaths.get(other);
        if (file === undefined) relativePaths.set(other, file = UriUtils.relative(UriUtils.dirname(document.uri), URI.parse(other)));
        accept(finding.severity, `${finding.message} ('${finding.target!.id}' is declared in ${file}.)`, {
            ...details(finding), node: document.parseResult.value, range: anchor,
            data: { code: finding.ruleId, target: finding.target!, fixes: [], subject: findingSubject(finding) } satisfies RuleDiagnosticData,
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
