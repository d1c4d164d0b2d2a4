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
import { suppressionsOf } from '../model/suppressions.js';
import { stepIds } from './flows/flow-step-ids.js';

/** The code of a diagnostic about the rule configuration itself. */
export const CONFIG_ERROR = 'config-error';
/** An `archsight-ignore` comment that names no rule of the reviewer. */
export const UNKNOWN_SUPPRESSION = 'unknown-suppression';
/** An `archsight-ignore` comment that silences nothing (as eslint's unused disable directives). */
export const UNUSED_SUPPRESSION = 'unused-suppression';

/**
 * Runs the rules on the model `document` is checked in (its root's, `analysis-roots.ts`)
 * and reports what belongs to it: findings on its own declarations (findings on other
 * files' declarations are reported in their file), rules that failed, and mistakes in the
 * configuration that applies to it. The rules run once per model and configuration; each
 * file of the root takes its own findings from that run.
 */
export async function reportRuleFindings(
    services: ArchServices, document: LangiumDocument, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
): Promise<void> {
    const root = document.parseResult.value;
    const uri = document.uri.toString();
    const config = await services.rules.ConfigProvider.configFor(document.uri);
    for (const problem of config.problems) reportConfigProblem(document, root, problem, accept);
    const model = services.model.ModelProvider.getAnalysisModel(document);
    const { own, failures } = await services.rules.RuleRunner.findingsInFile(model, config, uri, cancelToken);
    for (const failure of failures) accept('error', failure.message, { node: root, range: firstLine(document), code: INTERNAL_ERROR });
    for (const finding of own) {
        if (!finding.node || !finding.target) continue;
        const data: RuleDiagnosticData = { code: finding.ruleId, target: finding.target, fixes: finding.fixes, subject: findingSubject(finding) };
        accept(finding.severity, finding.message, { ...details(finding), node: finding.node, range: finding.location!.range, data });
    }
    // The root reports what its architecture finds on files that are checked in another root.
    if (model.uri === uri) await reportImportedTargets(services, document, model, config, accept, cancelToken);
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
    for (const { kind, id, located } of suppressionsIn(model, uri)) {
        for (const ruleId of new Set(located.suppressions)) {
            const at = { node: located.node, range: located.location.range };
            if (!registry.get(ruleId)) {
                accept('error', `archsight-ignore names an unknown rule '${ruleId}'.${suggest(ruleId, registry.ids())}`, { ...at, code: UNKNOWN_SUPPRESSION });
            } else if (enabled.has(ruleId) && !(used ??= services.rules.RuleRunner.usedSuppressions(model, config)).has(`${ruleId} ${kind} ${id}`)) {
                accept('warning', `archsight-ignore ${ruleId} suppresses nothing here: the rule finds nothing on '${id}'. Remove the comment.`, { ...at, code: UNUSED_SUPPRESSION });
            }
        }
    }
}

interface Suppressing {
    readonly kind: TargetRef['kind'];
    readonly id: string;
    readonly located: { location: SourceLocation; suppressions: readonly string[]; node: AstNode };
}

const suppressionsByModel = new WeakMap<ArchModel, Map<string, Suppressing[]>>();

/** The declarations of file `uri` that carry `archsight-ignore` comments, found once per model for all its files. */
function suppressionsIn(model: ArchModel, uri: string): readonly Suppressing[] {
    let byFile = suppressionsByModel.get(model);
    if (!byFile) {
        const found = new Map<string, Suppressing[]>();
        const add = (s: Suppressing) => {
            if (s.located.suppressions.length === 0) return;
            const list = found.get(s.located.location.uri);
            if (list) list.push(s);
            else found.set(s.located.location.uri, [s]);
        };
        for (const e of model.elements.values()) add({ kind: 'element', id: e.id, located: e });
        for (const g of model.groups.values()) add({ kind: 'group', id: g.id, located: g });
        for (const r of model.relations) add({ kind: 'relation', id: r.id, located: r });
        for (const flow of model.flows.values()) {
            for (const [step, id] of stepIds(flow)) add({ kind: 'flow-step', id, located: { location: step.location, suppressions: suppressionsOf(step.node), node: step.node } });
        }
        suppressionsByModel.set(model, byFile = found);
    }
    return byFile.get(uri) ?? [];
}

function details(finding: RuleFinding) {
    return {
        code: finding.ruleId,
        codeDescription: { href: finding.docs },
        relatedInformation: finding.related.map(r => ({ location: { uri: r.location.uri, range: r.location.range }, message: r.message })),
    };
}

/**
 * A file imported by several roots is checked in the first of them (`analysis-roots.ts`).
 * A finding that another root's relations bring about on its declarations (this root
 * imports a service and adds three callers to it) would be reported nowhere: such findings
 * are reported here, on the first related place in this file, or else on the first line.
 */
async function reportImportedTargets(
    services: ArchServices, document: LangiumDocument, model: ArchModel, config: RuleConfig, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken,
): Promise<void> {
    const uri = document.uri.toString();
    const models = services.model.ModelProvider;
    const findings = await services.rules.RuleRunner.runInSlices(model, config, cancelToken);
    // Per imported file, not per finding: a main file can have thousands of these.
    const ownFindings = new Map<string, Set<string> | undefined>();
    const relativePaths = new Map<string, string>();
    let first: Range | undefined;
    for (const finding of findings) {
        if (!finding.location || !finding.target || finding.location.uri === uri) continue;
        const other = finding.location.uri;
        if (!ownFindings.has(other)) {
            const otherDocument = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(other));
            let keys: Set<string> | undefined;
            // Checked in this same model: the file reports the finding itself.
            if (otherDocument && models.analysisRootOf(otherDocument).uri.toString() !== uri) {
                keys = new Set<string>();
                const otherConfig = await services.rules.ConfigProvider.configFor(otherDocument.uri);
                const { own } = await services.rules.RuleRunner.findingsInFile(models.getAnalysisModel(otherDocument), otherConfig, other, cancelToken);
                for (const f of own) if (f.target) keys.add(`${f.ruleId} ${f.target.kind} ${f.target.id}`);
            } else if (!otherDocument) {
                keys = new Set<string>();
            }
            ownFindings.set(other, keys);
        }
        const keys = ownFindings.get(other);
        if (!keys || keys.has(`${finding.ruleId} ${finding.target.kind} ${finding.target.id}`)) continue;
        const anchor = finding.related.find(r => r.location.uri === uri)?.location.range ?? (first ??= firstLine(document));
        let file = relativePaths.get(other);
        if (file === undefined) relativePaths.set(other, file = UriUtils.relative(UriUtils.dirname(document.uri), URI.parse(other)));
        accept(finding.severity, `${finding.message} ('${finding.target.id}' is declared in ${file}.)`, {
            ...details(finding), node: document.parseResult.value, range: anchor,
            data: { code: finding.ruleId, target: finding.target, fixes: [], subject: findingSubject(finding) } satisfies RuleDiagnosticData,
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
