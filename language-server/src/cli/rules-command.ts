import { parseArgs } from 'node:util';
import { BUILTIN_RULES } from '../rules/rule-registry.js';
import { ruleDocsUrl, type Rule } from '../rules/rule.js';
import { UsageError } from './files.js';
import type { Output } from './output.js';

export const RULES_HELP = `Usage: archsight rules [--format text|json]

Lists the architecture rules: id, group, default severity, thresholds and docs.

Options:
  --format <text|json>   Output format (default: text)
  -h, --help             Show this help
`;

/** What `archsight rules --format json` prints for each rule. */
export interface RuleListing {
    readonly id: string;
    readonly group: string;
    readonly severity: string;
    readonly description: string;
    readonly thresholds: Record<string, { default: number; min: number; description: string }>;
    readonly docs: string;
}

export function listRules(rules: readonly Rule[] = BUILTIN_RULES): RuleListing[] {
    return rules.map(rule => ({
        id: rule.id,
        group: rule.group,
        severity: rule.defaultSeverity,
        description: rule.description,
        thresholds: Object.fromEntries(Object.entries(rule.thresholds ?? {}).map(([name, spec]) => [name, { default: spec.default, min: spec.min, description: spec.description }])),
        docs: ruleDocsUrl(rule.id),
    }));
}

export async function runRules(args: string[], io: Output): Promise<number> {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
        io.out(RULES_HELP);
        return 0;
    }
    const rules = listRules();
    if (values.format === 'json') {
        io.out(JSON.stringify(rules, null, 2) + '\n');
    } else if (values.format === 'text') {
        const width = Math.max(...rules.map(rule => rule.id.length));
        for (const rule of rules) {
            const thresholds = Object.entries(rule.thresholds).map(([name, spec]) => `${name}=${spec.default}`).join(' ');
            io.out(`${rule.id.padEnd(width)}  ${rule.group.padEnd(13)}  ${rule.severity.padEnd(7)}  ${rule.description}${thresholds ? ` (${thresholds})` : ''}\n`);
        }
        io.out(`\n${rules.length} rules. Docs: ${ruleDocsUrl('<id>')}\n`);
    } else {
        throw new UsageError(`Unknown format '${values.format}'; use one of text, json.`);
    }
    return 0;
}
