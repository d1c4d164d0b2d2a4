import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Model } from '../../generated/ast.js';
import { createArchServices } from '../arch-module.js';
import { collectDiagnostics } from './diagnostics.js';
import { describeFsError, expandInputs, readSource, UsageError, type SourceFile } from './files.js';
import { fixInPasses, type Analysis } from './fix-passes.js';
import { baselineStates, toBaseline } from '../diff/baseline.js';
import { DEFAULT_BASELINE, readBaseline, writeBaseline } from './baseline-file.js';
import { formatGithub } from './format-github.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';
import { mayKeep, paints, parseCheckArgs } from './check-options.js';
import { rememberCheck } from './check-memo.js';
import { COLORS, NO_COLORS } from './color.js';
import { cacheFolder } from './cache-folder.js';
import { DEFAULT_CACHE_LOCATION } from './render-options.js';
import { loadIgnore } from './ignore.js';
import { importedErrors } from './imported-files.js';
import type { Output } from './output.js';
import { writeReport } from './report-file.js';
import { readStdinSource } from './stdin.js';
import { configureRules } from './rule-options.js';
import { loadAndValidate } from './workspace-loader.js';
import { ArchFileSystem } from '../workspace/arch-file-system.js';
import { resolveImports } from '../workspace/imports.js';

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
  -o, --output-file <path>
                         Write the report to a file instead of standard output
  --quiet                Report errors only
  --stdin                Check the text on standard input
  --stdin-filename <path>
                         Where that text would be (for its imports and config)
  --ignore-pattern <glob>
                         Leave matching files out of folders and globs (repeatable;
                         added to the patterns of .archsightignore)
  --fix                  Apply the rules' quick fixes (as the editor offers them) to the
                         files, then report what remains
  --fix-dry-run          Report what would remain after --fix, and change no file
  --color, --no-color    Colour the text report (default: on a terminal, unless
                         NO_COLOR is set)
  --baseline <file>      Report only findings that are not in this baseline (matched
                         by stable fingerprint: the rule and the ids it names, not
                         lines); SARIF keeps them all, with their baselineState
  --write-baseline       Write every current finding to the --baseline file (default
                         archsight-baseline.json) and exit 0
  --cache                Keep the report on disk and print it again while nothing it
                         was made from has changed: the files, their imports, the
                         config and baseline files, the options (not with --stdin,
                         --fix or --write-baseline)
  --cache-location <dir> Where --cache keeps reports (default: .archsight-cache)
  -h, --help             Show this help

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or I/O error (including an unknown rule or a malformed config).
`;

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function runCheck(args: string[], io: Output): Promise<number> {
    const parsed = parseCheckArgs(args);
    const { values, positionals } = parsed;
    if (values.help) {
        io.out(CHECK_HELP);
        return 0;
    }
    if (!FORMATS.includes(values.format as typeof FORMATS[number])) {
        throw new UsageError(`Unknown format '${values.format}'; use one of ${FORMATS.join(', ')}.`);
    }
    const maxWarnings = parseMaxWarnings(values['max-warnings']);
    if (values.stdin && positionals.length > 0) throw new UsageError('--stdin checks standard input only: give no files with it.');
    if (!values.stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename goes with --stdin.');
    if (!values.stdin && positionals.length === 0) throw new UsageError('No files given. Try: archsight check <files|folders|globs...>');
    if (values.fix && values.stdin) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run with --stdin.');

    const cwd = process.cwd();
    const cache = values.cache || values['cache-location'] !== undefined ? await cacheFolder(cwd, values['cache-location'] ?? DEFAULT_CACHE_LOCATION) : undefined;
    const sources = values.stdin
        ? [await readStdinSource(values['stdin-filename'], cwd)]
        : await readInputs(positionals, cwd, values['ignore-pattern']);
    const paths = sources.map(source => source.path);
    const analyse = async (files: readonly SourceFile[]): Promise<Analysis> => {
        const fresh = createArchServices(ArchFileSystem).Arch;
        await configureRules(fresh, { config: values.config, rules: values.rule }, paths, cwd);
        return { services: fresh, documents: await loadAndValidate(fresh, files) };
    };
    let analysis: Analysis;
    if (values.fix || values['fix-dry-run']) {
        const result = await fixInPasses(sources, analyse);
        await reportFixes(io, result.sources, result.fixed, values.fix === true, cwd);
        analysis = result;
    } else {
        analysis = await analyse(sources);
    }
    const { services, documents } = analysis;
    const found = [...collectDiagnostics(documents, cwd), ...await importedErrors(services, documents, cwd)];
    if (values['write-baseline']) {
        const file = values.baseline ?? DEFAULT_BASELINE;
        await writeBaseline(path.resolve(cwd, file), file, toBaseline(found));
        io.err(`archsight check: wrote ${found.length} finding${found.length === 1 ? '' : 's'} to the baseline '${file}'.\n`);
        return 0;
    }
    const states = values.baseline === undefined ? undefined : baselineStates(found, await readBaseline(path.resolve(cwd, values.baseline), values.baseline));
    // Against a baseline only what is new is reported (and counts); SARIF marks each result instead.
    const all = states ? found.filter((_, i) => states[i] === 'new') : found;
    const baselineNotice = states && found.length > all.length
        ? `archsight check: ${found.length - all.length} finding${found.length - all.length === 1 ? '' : 's'} of the baseline '${values.baseline}' not reported.\n` : '';
    if (baselineNotice) io.err(baselineNotice);
    const diagnostics = values.quiet ? all.filter(d => d.severity === 'error') : all;
    const colour = paints(values, io.isTTY);
    const paint = colour ? COLORS : NO_COLORS;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings
        ? `${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}.` : undefined;
    let report: string;

    if (values.format === 'json') {
        const files = [...paths, ...new Set(diagnostics.filter(d => d.imported).map(d => d.file))];
        report = formatJson(diagnostics, files.map(p => ({ file: p, display: path.relative(cwd, p) || p })));
    } else if (values.format === 'sarif') {
        const sarifResults = states && !values.quiet ? found : diagnostics;
        report = formatSarif(sarifResults, services.rules.RuleRegistry.rules, cwd, {
            commandLine: ['archsight', 'check', ...args].join(' '),
            notifications: tooManyWarnings ? [tooManyWarnings] : [],
        }, states && !values.quiet ? states : undefined);
    } else if (values.format === 'github') {
        report = formatGithub(diagnostics);
    } else {
        report = formatText(diagnostics, paths.length, paint);
    }
    await writeReport(io, report, values['output-file'], cwd);
    const tooManyNotice = tooManyWarnings ? `archsight check: ${tooManyWarnings}\n` : '';
    if (tooManyNotice) io.err(tooManyNotice);
    const code = tooManyWarnings || diagnostics.some(d => d.severity === 'error') ? 1 : 0;
    if (cache !== undefined && mayKeep(parsed)) {
        // Every file the report was made from: those given and their imports.
        const output = values['output-file'] === undefined ? {} : { file: path.resolve(cwd, values['output-file']) };
        const langiumDocuments = services.shared.workspace.LangiumDocuments;
        const read = langiumDocuments.all.filter(d => d.uri.scheme === 'file').toArray();
        await rememberCheck(parsed, cwd, cache, {
            inputs: paths,
            sources: read.map(d => ({ path: d.uri.fsPath, text: d.textDocument.getText() })),
            // An import that could not be read is an error until its file is there.
            unread: read.flatMap(d => resolveImports(d as LangiumDocument<Model>, langiumDocuments)).filter(i => !i.document && i.uri.scheme === 'file').map(i => i.uri.fsPath),
            output: { ...output, text: report },
            stderr: baselineNotice + tooManyNotice,
            code,
            colour,
        });
    }
    return code;
}

/** Writes the fixed files (with --fix) and says on standard error what was, or would be, fixed. */
async function reportFixes(io: Output, sources: readonly SourceFile[], fixed: ReadonlyMap<string, number>, write: boolean, cwd: string): Promise<void> {
    let count = 0;
    for (const source of sources) {
        const n = fixed.get(source.path);
        if (!n) continue;
        count += n;
        if (!write) continue;
        try {
            await fs.writeFile(source.path, source.text);
        } catch (error) {
            throw new UsageError(describeFsError(path.relative(cwd, source.path), error).replace('Cannot read', 'Cannot write'));
        }
    }
    if (count > 0) io.err(`archsight check: ${write ? 'fixed' : 'would fix'} ${count} problem${count === 1 ? '' : 's'} in ${fixed.size} file${fixed.size === 1 ? '' : 's'}.\n`);
}

async function readInputs(inputs: readonly string[], cwd: string, ignorePatterns: readonly string[] | undefined) {
    const paths = await expandInputs(inputs, cwd, await loadIgnore(cwd, ignorePatterns));
    return Promise.all(paths.map(p => readSource(p, path.relative(cwd, p) || p)));
}

function parseMaxWarnings(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${value}'.`);
    return Number(value);
}

