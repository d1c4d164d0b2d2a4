import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createArchServices } from '../arch-module.js';
import { collectDiagnostics } from './diagnostics.js';
import { expandInputs, readSource, UsageError } from './files.js';
import { baselineStates, toBaseline } from '../diff/baseline.js';
import { DEFAULT_BASELINE, readBaseline, writeBaseline } from './baseline-file.js';
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
  --baseline <file>      Report only findings that are not in this baseline (matched
                         by stable fingerprint: the rule and the ids it names, not
                         lines); SARIF keeps them all, with their baselineState
  --write-baseline       Write every current finding to the --baseline file (default
                         archsight-baseline.json) and exit 0
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
            baseline: { type: 'string' },
            'write-baseline': { type: 'boolean', default: false },
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
    const all = collectDiagnostics(documents, cwd);
    if (values['write-baseline']) {
        const file = values.baseline ?? DEFAULT_BASELINE;
        await writeBaseline(path.resolve(cwd, file), file, toBaseline(all));
        io.err(`archsight check: wrote ${all.length} finding${all.length === 1 ? '' : 's'} to the baseline '${file}'.\n`);
        return 0;
    }
    const states = values.baseline === undefined ? undefined : baselineStates(all, await readBaseline(path.resolve(cwd, values.baseline), values.baseline));
    // Against a baseline only what is new is reported (and counts); SARIF marks each result instead.
    const diagnostics = states ? all.filter((_, i) => states[i] === 'new') : all;
    if (states && all.length > diagnostics.length) {
        io.err(`archsight check: ${all.length - diagnostics.length} finding${all.length - diagnostics.length === 1 ? '' : 's'} of the baseline '${values.baseline}' not reported.\n`);
    }

    if (values.format === 'json') {
        io.out(formatJson(diagnostics, paths.map(p => ({ file: p, display: path.relative(cwd, p) || p }))));
    } else if (values.format === 'sarif') {
        io.out(formatSarif(states ? all : diagnostics, services.rules.RuleRegistry.rules, cwd, states));
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
