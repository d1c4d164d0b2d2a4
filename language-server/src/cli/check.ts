import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import { collectDiagnostics } from './diagnostics.js';
import { expandInputs, readSource, UsageError } from './files.js';
import { formatJson } from './format-json.js';
import { formatText } from './format-text.js';
import type { Output } from './output.js';
import { loadAndValidate } from './workspace-loader.js';

export const CHECK_HELP = `Usage: archsight check [options] <files|folders|globs...>

Checks .arch files: syntax, references, and the architecture rules.

Options:
  --format <text|json>   Output format (default: text)
  -h, --help             Show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

const FORMATS = ['text', 'json'] as const;

export async function runCheck(args: string[], io: Output): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
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
    if (positionals.length === 0) throw new UsageError('No files given. Try: archsight check <files|folders|globs...>');

    const cwd = process.cwd();
    const paths = await expandInputs(positionals, cwd);
    const sources = await Promise.all(paths.map(p => readSource(p, path.relative(cwd, p) || p)));
    const services = createArchServices(NodeFileSystem).Arch;
    const documents = await loadAndValidate(services, sources);
    const diagnostics = collectDiagnostics(documents, cwd);

    if (values.format === 'json') {
        io.out(formatJson(diagnostics, paths.map(p => ({ file: p, display: path.relative(cwd, p) || p }))));
    } else {
        io.out(formatText(diagnostics, paths.length));
    }
    return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}
