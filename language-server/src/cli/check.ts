import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createArchServices } from '../arch-module.js';
import { collectDiagnostics } from './diagnostics.js';
import { expandInputs, readSource, UsageError } from './files.js';
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import type { Output } from './output.js';
import { configureRules } from './rule-options.js';
import { loadAndValidate } from './workspace-loader.js';
import { ArchFileSystem } from '../workspace/arch-file-system.js';

export const CHECK_HELP = `Usage: archsight check [options] <files|folders|globs...>

Checks .arch files: syntax, references, and the architecture rules.

Options:
  --format <text|json|sarif|github>
                         Output format (default: text). sarif: SARIF 2.1.0 for code
                         scanning; github: workflow annotations for GitHub Actions
  --max-warnings <n>     Fail (exit 1) when there are more than n warnings
  --rule <id=severity>   Set a rule to off, info, warning or error (repeatable)
  --config <path>        Use this archsight.config.json for every file (default: the
                         nearest one above each file)
  -h, --help             Show this help

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or I/O error (including an unknown rule or a malformed config).
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function runCheck(args: string[], io: Output): Promise<number> {
    const { values, positionals } = parseArgs({
        args: joinNegativeValues(args, ['--max-warnings']),
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
            'max-warnings': { type: 'string' },
            rule: { type: 'string', multiple: true },
            config: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.out(CHECK_HELP);
        return 0;
    }
    if (!FORMATS.includes(values.format as typeof FORMATS[number])) {
        throw new UsageError(`Unknown format '${values.format}'; use one of ${FORMATS.join(', ')}.`);
    }
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    if (positionals.length === 0) throw new UsageError('No files given. Try: archsight check <files|folders|globs...>');

    const cwd = process.cwd();
    const paths = await expandInputs(positionals, cwd);
    const sources = await Promise.all(paths.map(p => readSource(p, path.relative(cwd, p) || p)));
    const services = createArchServices(ArchFileSystem).Arch;
    await configureRules(services, { config: values.config, rules: values.rule }, paths, cwd);
    const documents = await loadAndValidate(services, sources);
    const diagnostics = collectDiagnostics(documents, cwd);

    if (values.format === 'json') {
        io.out(formatJson(diagnostics, paths.map(p => ({ file: p, display: path.relative(cwd, p) || p }))));
    } else if (values.format === 'sarif') {
        io.out(formatSarif(diagnostics, services.rules.RuleRegistry.rules, cwd));
    } else if (values.format === 'github') {
        io.out(formatGithub(diagnostics));
    } else {
        io.out(formatText(diagnostics, paths.length));
    }
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
        io.err(`archsight check: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.\n`);
        return 1;
    }
    return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${value}'.`);
    return Number(value);
}

/**
 * `--max-warnings -1`: parseArgs takes `-1` for an option and says so in three lines. The
 * value is joined to its option, so that the option's own check says what it takes.
 */
function joinNegativeValues(args: readonly string[], options: readonly string[]): string[] {
    const result: string[] = [];
    for (let i = 0; i < args.length; i++) {
        if (options.includes(args[i]) && /^-\d/.test(args[i + 1] ?? '')) result.push(`${args[i]}=${args[++i]}`);
        else result.push(args[i]);
    }
    return result;
}
