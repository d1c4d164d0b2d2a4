import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import type { DiffPlace } from '../diff/diff-types.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { formatDiffText } from '../diff/format-diff-text.js';
import { diffModels } from '../diff/model-diff.js';
import type { SourceLocation } from '../model/model-types.js';
import { loadSide, sideSpec, type SideSpec } from './diff-sides.js';
import { UsageError } from './files.js';
import type { Output } from './output.js';
import { checkOutput, writeOutput } from './render.js';
import { renderDiffDiagram } from './diff-diagram.js';

export const DIFF_HELP = `Usage: archsight diff <old> [<new>] [options] [-- <paths...>]

Compares two architectures: the elements, groups and relations added, removed, renamed,
moved and changed, the findings the change introduces and fixes, and the blast radii
it changes.

<old> and <new> are .arch files, folders, or git revisions (read with git, no checkout).
With one revision, the other side is the working tree. Paths after -- limit both sides
(default: the current folder).

  archsight diff samples/evolution/2-soa.arch samples/evolution/3-microservices.arch
  archsight diff main                      # main against the working tree
  archsight diff HEAD~1 HEAD -- architecture/

Options:
  --format <text|json|markdown|svg|html>
                         Output format (default: text). markdown: a pull-request
                         comment; svg, html: the new architecture drawn with the changes
                         marked (added green, removed red, changed outlined) and a legend
  -o, --output <file>    Write to this file (default: standard output)
  --force                Overwrite the output file if it exists
  --theme <light|dark>   Colours of the svg and html output (default: light)
  --max-new-warnings <n> Fail (exit 1) when the change introduces more than n warnings
  --rule <id=severity>   Set a rule to off, info, warning or error (repeatable)
  --config <path>        Use this archsight.config.json on both sides (without it, a git
                         revision is checked with its own archsight.config.json files)
  -h, --help             Show this help

Exit codes: 0 no new errors, 1 the change introduces errors (or more warnings than
--max-new-warnings), 2 usage or I/O error.
`;

const FORMATS = ['text', 'json', 'markdown', 'svg', 'html'] as const;
type Format = typeof FORMATS[number];

export async function runDiff(args: string[], io: Output): Promise<number> {
    const split = args.indexOf('--');
    const { values, positionals } = parseArgs({
        args: split < 0 ? args : args.slice(0, split),
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
            output: { type: 'string', short: 'o' },
            force: { type: 'boolean', default: false },
            theme: { type: 'string', default: 'light' },
            'max-new-warnings': { type: 'string' },
            rule: { type: 'string', multiple: true },
            config: { type: 'string' },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.out(DIFF_HELP);
        return 0;
    }
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format '${values.format}'; use one of ${FORMATS.join(', ')}.`);
    if (values.theme !== 'light' && values.theme !== 'dark') throw new UsageError(`Unknown theme '${values.theme}'; use one of light, dark.`);
    const maxNewWarnings = wholeNumber('--max-new-warnings', values['max-new-warnings']);
    const pathspecs = split < 0 ? [] : args.slice(split + 1);
    if (positionals.length === 0 || positionals.length > 2) {
        throw new UsageError(positionals.length === 0 ? 'Nothing to compare. Try: archsight diff <old> <new>' : 'Give two things to compare: archsight diff <old> <new>.');
    }
    const cwd = process.cwd();
    const [before, after] = await sides(positionals, pathspecs, cwd);
    const output = values.output === undefined ? undefined : path.resolve(cwd, values.output);
    if (output !== undefined) await checkOutput(output, values.output!, '', values.force);

    const rules = { config: values.config, rules: values.rule };
    const services = createArchServices(NodeFileSystem).Arch;
    const old = await loadSide(services, before, rules, cwd);
    const now = await loadSide(services, after, rules, cwd);
    const placeOf = (location: SourceLocation): DiffPlace => {
        const file = URI.parse(location.uri).fsPath;
        return { file: path.relative(cwd, file) || file, line: location.range.start.line + 1, uri: location.uri };
    };
    const diff = diffModels(old.side, now.side, placeOf);

    let text: string;
    if (format === 'json') text = JSON.stringify(diff, null, 2) + '\n';
    else if (format === 'markdown') text = formatDiffMarkdown(diff);
    else if (format === 'text') text = formatDiffText(diff);
    else text = await renderDiffDiagram(old.side.model, now.side.model, diff, { format, theme: values.theme });
    if (output === undefined) io.out(text);
    else await writeOutput(output, values.output!, text, values.force);

    const s = diff.summary;
    if (s.introducedErrors > 0) {
        io.err(`archsight diff: the change introduces ${s.introducedErrors} error${s.introducedErrors === 1 ? '' : 's'}.\n`);
        return 1;
    }
    if (maxNewWarnings !== undefined && s.introducedWarnings > maxNewWarnings) {
        io.err(`archsight diff: the change introduces ${s.introducedWarnings} warning${s.introducedWarnings === 1 ? '' : 's'}, more than --max-new-warnings ${maxNewWarnings}.\n`);
        return 1;
    }
    return 0;
}

/** Two sides from one or two arguments; one revision alone is compared with the working tree. */
async function sides(positionals: readonly string[], pathspecs: readonly string[], cwd: string): Promise<[SideSpec, SideSpec]> {
    const first = await sideSpec(positionals[0], pathspecs, cwd);
    if (positionals.length === 2) return [first, await sideSpec(positionals[1], pathspecs, cwd)];
    if (first.type !== 'revision') throw new UsageError(`Compare '${positionals[0]}' with what? Give two files or folders, or a git revision.`);
    const inputs = pathspecs.length > 0 ? pathspecs : ['.'];
    return [first, { type: 'paths', name: 'working tree', inputs }];
}

function wholeNumber(option: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`${option} takes a whole number of 0 or more, not '${value}'.`);
    return Number(value);
}
