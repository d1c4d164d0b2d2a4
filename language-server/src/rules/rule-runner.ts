import type { AstNode, Cancellation } from 'langium';
import { interruptAndCheck } from 'langium';
import type { ArchModel, ModelRelation, SourceLocation } from '../model/model-types.js';
import type { Finding, TargetRef } from './finding.js';
import type { QuickFix } from './quick-fix.js';
import type { RuleSeverity } from './rule.js';
import { ruleDocsUrl } from './rule.js';
import { configKey, type RuleConfig } from './config/rule-settings.js';
import { findFlowStep } from './flows/flow-step-ids.js';
import { suppressionsOf } from '../model/suppressions.js';

/** The most findings of one rule in one file that are reported one by one; the rest are counted in one more. */
export const MAX_PER_FILE = 25;

/** The code of the diagnostic that reports a rule which threw. */
export const INTERNAL_ERROR = 'internal-error';

/** A finding ready to report: the rule's verdict with severity, source locations and docs. */
export interface RuleFinding {
    readonly ruleId: string;
    readonly severity: RuleSeverity;
    readonly message: string;
    readonly target?: TargetRef;
    /** Where the target is written; undefined for an internal error, which belongs to the whole document. */
    readonly location?: SourceLocation;
    readonly node?: AstNode;
    readonly related: ReadonlyArray<{ readonly location: SourceLocation; readonly message: string }>;
    /** What the related places are, by id: with the target, the subject of the finding's fingerprint. */
    readonly relatedTargets: readonly TargetRef[];
    readonly fixes: readonly QuickFix[];
    readonly docs: string;
}

interface Located {
    readonly location: SourceLocation;
    readonly suppressions: readonly string[];
    readonly node: AstNode;
}

/** Looks up what a target names. */
export function locateTarget(model: ArchModel, target: TargetRef, relations?: ReadonlyMap<string, ModelRelation>): Located | undefined {
    switch (target.kind) {
        case 'element': return model.elements.get(target.id);
        case 'group': return model.groups.get(target.id);
        case 'relation': return relations ? relations.get(target.id) : model.relations.find(r => r.id === target.id);
        case 'flow-step': {
            const step = findFlowStep(model, target.id);
            return step && { location: step.location, suppressions: suppressionsOf(step.node), node: step.node };
        }
    }
}

/**
 * Runs the enabled rules over a model: applies severities and `archsight-ignore`
 * suppressions, resolves locations, and turns a rule that throws into an
 * `internal-error` finding so that the other rules still report. Results are cached per
 * model and configuration, so validation, hover and code lenses share one run.
 */
export class RuleRunner {
    /** Per model, per configuration: the files of one root share a model and usually a configuration. */
    private readonly cache = new WeakMap<ArchModel, Map<string, Run>>();

    run(model: ArchModel, config: RuleConfig): RuleFinding[] {
        const key = configKey(config);
        const cached = this.cached(model, key);
        if (cached) return cached.findings;
        const run = new RuleRun(model);
        for (const enabled of config.rules) run.add(enabled);
        return this.remember(model, key, run).findings;
    }

    /**
     * The suppressions that silenced a finding in the last run of `model` with `config`,
     * as `rule-id kind id` (after `run` or `runInSlices`): the others are unused.
     */
    usedSuppressions(model: ArchModel, config: RuleConfig): ReadonlySet<string> {
        const key = configKey(config);
        if (!this.cached(model, key)) this.run(model, config);
        return this.cached(model, key)!.suppressed;
    }

    /**
     * The same, for validation in the language server: between two rules it lets the
     * server answer what came in meanwhile (the rules over 1,000 elements take longer than
     * an editor may wait), and stops when the build is cancelled.
     */
    async runInSlices(model: ArchModel, config: RuleConfig, cancelToken: Cancellation.CancellationToken): Promise<RuleFinding[]> {
        const key = configKey(config);
        const cached = this.cached(model, key);
        if (cached) return cached.findings;
        const run = new RuleRun(model);
        for (const enabled of config.rules) {
            await interruptAndCheck(cancelToken);
            run.add(enabled);
        }
        return this.remember(model, key, run).findings;
    }

    /**
     * The findings of `runInSlices` on declarations of the file `uri`, and the rules that
     * failed: sorted by file once per run, as all the files of a root ask for theirs.
     */
    async findingsInFile(model: ArchModel, config: RuleConfig, uri: string, cancelToken: Cancellation.CancellationToken): Promise<{ own: readonly RuleFinding[]; failures: readonly RuleFinding[] }> {
        await this.runInSlices(model, config, cancelToken);
        const run = this.cached(model, configKey(config))!;
        if (!run.byFile) {
            const byFile = new Map<string, RuleFinding[]>();
            const failures: RuleFinding[] = [];
            for (const finding of run.findings) {
                if (!finding.location) {
                    failures.push(finding);
                    continue;
                }
                const list = byFile.get(finding.location.uri);
                if (list) list.push(finding);
                else byFile.set(finding.location.uri, [finding]);
            }
            run.byFile = byFile;
            run.failures = failures;
        }
        return { own: run.byFile.get(uri) ?? [], failures: run.failures ?? [] };
    }

    private cached(model: ArchModel, key: string): Run | undefined {
        return this.cache.get(model)?.get(key);
    }

    private remember(model: ArchModel, key: string, run: RuleRun): Run {
        let runs = this.cache.get(model);
        if (!runs) this.cache.set(model, runs = new Map());
        const entry: Run = { findings: run.findings, suppressed: run.suppressed };
        runs.set(key, entry);
        return entry;
    }
}

interface Run {
    readonly findings: RuleFinding[];
    readonly suppressed: ReadonlySet<string>;
    byFile?: ReadonlyMap<string, readonly RuleFinding[]>;
    failures?: readonly RuleFinding[];
}

/** The findings of the rules over one model, added rule by rule. */
class RuleRun {
    readonly findings: RuleFinding[] = [];
    /** `rule-id kind id` of each suppression that silenced a finding. */
    readonly suppressed = new Set<string>();
    private readonly relations: ReadonlyMap<string, ModelRelation>;

    constructor(private readonly model: ArchModel) {
        this.relations = new Map(model.relations.map(r => [r.id, r]));
    }

    add({ rule, severity, thresholds }: RuleConfig['rules'][number]): void {
        if (severity === 'off') return;
        const { model, relations } = this;
        let findings: Finding[];
        try {
            findings = rule.check(model, { thresholds });
        } catch (error) {
            this.findings.push({
                ruleId: INTERNAL_ERROR, severity: 'error', related: [], relatedTargets: [], fixes: [], docs: ruleDocsUrl(rule.id),
                message: `Internal error in rule '${rule.id}': ${error instanceof Error ? error.message : String(error)}`,
            });
            return;
        }
        const perFile = new Map<string, number>();
        for (const finding of findings) {
            const target = locateTarget(model, finding.target, relations);
            if (!target) continue;
            if (target.suppressions.includes(rule.id)) {
                this.suppressed.add(`${rule.id} ${finding.target.kind} ${finding.target.id}`);
                continue;
            }
            // Past a screenful of one rule in one file, the rest are folded into one finding that counts them.
            const shown = (perFile.get(target.location.uri) ?? 0) + 1;
            perFile.set(target.location.uri, shown);
            if (shown > MAX_PER_FILE) {
                if (shown === MAX_PER_FILE + 1) this.summaries.set(target.location.uri, this.findings.length);
                else continue;
            }
            const related = (finding.related ?? []).flatMap(info => {
                const at = locateTarget(model, info.target, relations);
                return at ? [{ location: at.location, message: info.message }] : [];
            });
            this.findings.push({
                ruleId: rule.id, severity, message: finding.message, target: finding.target,
                location: target.location, node: target.node, related,
                relatedTargets: (finding.related ?? []).map(info => info.target), fixes: finding.fixes ?? [], docs: ruleDocsUrl(rule.id),
            });
        }
        for (const [uri, index] of this.summaries) {
            const more = perFile.get(uri)! - MAX_PER_FILE;
            const first = this.findings[index];
            this.findings[index] = {
                ...first, related: [], fixes: [],
                message: `${first.message} (And ${more - 1} more '${rule.id}' finding${more - 1 === 1 ? '' : 's'} in this file, ${more + MAX_PER_FILE} in all, not listed one by one.)`,
            };
        }
        this.summaries.clear();
    }

    /** Per file, where the summary of the rule being added sits in `findings`. */
    private readonly summaries = new Map<string, number>();
}
