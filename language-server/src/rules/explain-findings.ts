import type { LangiumDocument } from 'langium';
import type { ArchServices } from '../arch-module.js';
import type { ArchModel } from '../model/model-types.js';
import { resolveRules } from './config/rule-settings.js';
import { RuleRegistry } from './rule-registry.js';
import { RuleRunner, type RuleFinding } from './rule-runner.js';

const builtin = new RuleRegistry();
const defaultRunner = new RuleRunner();

/** The rule findings of a document's model, with the configuration that applies to the document. */
export async function documentFindings(services: ArchServices, document: LangiumDocument): Promise<RuleFinding[]> {
    const config = await services.rules.ConfigProvider.configFor(document.uri);
    return services.rules.RuleRunner.run(services.model.ModelProvider.getModel(document), config);
}

/**
 * Markdown for a hover: each rule finding on the element, group or relation `id`, with
 * its rule's explanation and a link to the rule's page; undefined when it has none.
 * Pass the document's findings (`documentFindings`) to honour its configuration;
 * without them the rules run with their defaults.
 */
export function explainFindings(model: ArchModel, id: string, findings?: readonly RuleFinding[]): string | undefined {
    const all = findings ?? defaultRunner.run(model, { rules: resolveRules(builtin, []), problems: [] });
    const own = all.filter(f => f.target?.id === id);
    if (own.length === 0) return undefined;
    return own.map(f => [
        `**${f.ruleId}** (${f.severity}): ${f.message}`,
        builtin.get(f.ruleId)?.explanation ?? '',
        `[More about ${f.ruleId}](${f.docs})`,
    ].filter(Boolean).join('\n\n')).join('\n\n---\n\n');
}
