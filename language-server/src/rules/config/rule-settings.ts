import type { Rule, SeveritySetting } from '../rule.js';
import { defaultThresholds } from '../rule.js';
import type { RuleRegistry } from '../rule-registry.js';

/** What one configuration layer says about a rule; absent fields leave the layer below in force. */
export interface RuleSettings {
    readonly severity?: SeveritySetting;
    readonly thresholds?: Readonly<Record<string, number>>;
}

/** Rule id → settings: the `rules` object of `archsight.config.json` or of the `archsight.rules` setting. */
export type RulesSettings = Readonly<Record<string, RuleSettings>>;

/** A mistake in a configuration, with the place to point at (1-based) when it comes from a file. */
export interface ConfigProblem {
    readonly message: string;
    /** The config file's URI; absent for editor settings and command-line flags. */
    readonly uri?: string;
    readonly line?: number;
    readonly column?: number;
    readonly endLine?: number;
    readonly endColumn?: number;
}

/** A rule as it runs: its severity (or off) and thresholds after every layer. */
export interface EffectiveRule {
    readonly rule: Rule;
    readonly severity: SeveritySetting;
    readonly thresholds: Readonly<Record<string, number>>;
}

/** The configuration a document is checked with. */
export interface RuleConfig {
    readonly rules: readonly EffectiveRule[];
    /** The config file that applies, if one was found. */
    readonly configFile?: string;
    readonly problems: readonly ConfigProblem[];
}

/** Applies settings layers in order (defaults, config file, editor settings or command line): later layers win. */
export function resolveRules(registry: RuleRegistry, layers: readonly RulesSettings[]): EffectiveRule[] {
    return registry.rules.map(rule => {
        let severity: SeveritySetting = rule.optIn ? 'off' : rule.defaultSeverity;
        const thresholds = defaultThresholds(rule);
        for (const layer of layers) {
            const settings = layer[rule.id];
            if (!settings) continue;
            if (settings.severity) severity = settings.severity;
            Object.assign(thresholds, settings.thresholds);
        }
        return { rule, severity, thresholds };
    });
}

/** One cache key for a configuration, so that findings are recomputed only when it changes. */
export function configKey(config: RuleConfig): string {
    return JSON.stringify(config.rules.map(r => [r.rule.id, r.severity, r.thresholds]));
}
