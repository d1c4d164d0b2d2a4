import type { ArchModel } from '../model/model-types.js';
import type { Finding } from './finding.js';

/** The families of the catalogue; the README and `docs/rules/` list the rules by group. */
export type RuleGroup = 'integration' | 'coupling' | 'resilience' | 'observability' | 'mesh-security' | 'serverless' | 'structure';

export const RULE_GROUPS: readonly RuleGroup[] = ['integration', 'coupling', 'resilience', 'observability', 'mesh-security', 'serverless', 'structure'];

export type RuleSeverity = 'error' | 'warning' | 'info';

/** What a configuration may say about a rule: a severity, or `off`. */
export type SeveritySetting = RuleSeverity | 'off';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** A number a rule compares against, such as the deepest synchronous chain it accepts. */
export interface ThresholdSpec {
    readonly default: number;
    readonly min: number;
    readonly description: string;
}

/** What a rule sees besides the model: its effective thresholds. */
export interface RuleContext {
    readonly thresholds: Readonly<Record<string, number>>;
}

/**
 * One anti-pattern the reviewer knows. A rule reads only the semantic model and returns
 * its findings; the runner adds severity, suppression and source locations.
 */
export interface Rule {
    /** Stable kebab-case id: the diagnostic code, the config key and the docs page name. */
    readonly id: string;
    readonly group: RuleGroup;
    readonly defaultSeverity: RuleSeverity;
    /** One line: what the rule finds. */
    readonly description: string;
    /** Why it matters and how to fix it, in markdown; shown on hover. */
    readonly explanation: string;
    readonly thresholds?: Readonly<Record<string, ThresholdSpec>>;
    /** Off unless a configuration gives it a severity (the rule's default is what it then reports at). */
    readonly optIn?: true;
    check(model: ArchModel, context: RuleContext): Finding[];
}

/**
 * Where the rule pages are published. Diagnostics link here (`codeDescription.href`) and
 * SARIF names it as each rule's `helpUri`.
 */
export const RULE_DOCS_BASE = 'https://github.com/archsight/archsight/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
    return `${RULE_DOCS_BASE}${id}.md`;
}

/** The thresholds of a rule at their defaults. */
export function defaultThresholds(rule: Rule): Record<string, number> {
    return Object.fromEntries(Object.entries(rule.thresholds ?? {}).map(([name, spec]) => [name, spec.default]));
}
