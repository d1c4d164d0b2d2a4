import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { Cancellation, URI, UriUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchServices } from '../arch-module.js';
import type { ArchModel, SourceLocation } from '../model/model-types.js';
import { suggest } from './config/parse-config.js';
import type { ConfigProblem, RuleConfig } from './config/rule-settings.js';
import type { TargetRef } from './finding.js';
import type { RuleDiagnosticData } from './quick-fix.js';
import { INTERNAL_ERROR, type RuleFinding } from './rule-runner.js';
import { findingSubject } from '../diff/fingerprint.js';

/** The code of a diagnostic about the rule configuration itself. */
export const CONFIG_ERROR = 'config-error';
/** An `archsight-ignore` comment that names no rule of the reviewer. */
export const UNKNOWN_SUPPRESSION = 'unknown-suppression';
/** An `archsight-ignore` comment that silences nothing (as eslint's unused disable directives). */
export const UNUSED_SUPPRESSION = 'unused-suppression';

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
    reportSuppressions(services, model, config, uri, accept);
}

/**
 * A suppression that names an unknown rule is an error (a typo silences nothing); one
 * whose rule runs and finds nothing there is reported, so that stale ones get removed.
 */
function reportSuppressions(services: ArchServices, model: ArchModel, config: RuleConfig, uri: string, accept: ValidationAcceptor): void {
    const registry = services.rules.RuleRegistry;
    const enabled = new Set(config.rules.filter(r => r.severity !== 'off').map(r => r.rule.id));
    let used: ReadonlySet<string> | undefined;
    const check = (kind: TargetRef['kind'], id: string, located: { location: SourceLocation; suppressions: readonly string[]; node: AstNode }) => {
        if (located.location.uri !== uri) return;
        for (const ruleId of new Set(located.suppressions)) {
            const at = { node: located.node, range: located.location.range };
            if (!registry.get(ruleId)) {
                accept('error', `archsight-ignore names an unknown rule '${ruleId}'.${suggest(ruleId, registry.ids())}`, { ...at, code: UNKNOWN_SUPPRESSION });
            } else if (enabled.has(ruleId) && !(used ??= services.rules.RuleRunner.usedSuppressions(model, config)).has(`${ruleId} ${kind} ${id}`)) {
                accept('warning', `archsight-ignore ${ruleId} suppresses nothing here: the rule finds nothing on '${id}'. Remove the comment.`, { ...at, code: UNUSED_SUPPRESSION });
            }
        }
    };
    for (const e of model.elements.values()) if (e.suppressions.length > 0) check('element', e.id, e);
    for (const g of model.groups.values()) if (g.suppressions.length > 0) check('group', g.id, g);
    for (const r of model.relations) if (r.suppressions.length > 0) check('relation', r.id, r);
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
