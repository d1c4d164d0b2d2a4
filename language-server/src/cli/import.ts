import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EmptyFileSystem } from 'langium';
import { createArchServices } from '../arch-module.js';
import { formatArch } from '../import/format-arch.js';
import { ImportError } from '../import/imported-system.js';
import { importSources } from '../import/import-sources.js';
import { writeArch } from '../import/write-arch.js';
import { UsageError } from './files.js';
import type { Output } from './output.js';
import { terminalLine } from './terminal-text.js';

export const IMPORT_HELP = `Usage: archsight import <sources...> [options]

Drafts an architecture from what runs: docker-compose files (v2, v3, Compose Spec;
include, extends, override files, profiles), Kubernetes and Istio manifests (multi-
document YAML, a folder, or '-' for the output of helm template / kustomize build on
standard input) and traces (Jaeger JSON, OTLP JSON; streamed). Writes a formatted .arch
file whose header says what was read and guessed, with each element and relation's
origin in a comment above it.

Options:
  -o, --output <file>   Write the .arch file here (default: standard output)
  --force               Overwrite the output file if it exists
  --title <text>        Title of the architecture (default: from the output or first source)
  --profile <name>      Activate a compose profile (repeatable)
  -h, --help            Show this help

Exit codes: 0 written, 2 usage or I/O error, or a source that is not what it claims to be.
`;

export async function runImport(args: string[], io: Output): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            output: { type: 'string', short: 'o' },
            force: { type: 'boolean', default: false },
            title: { type: 'string' },
            profile: { type: 'string', multiple: true },
            help: { type: 'boolean', short: 'h' },
        },
    });
    if (values.help) {
        io.out(IMPORT_HELP);
        return 0;
    }
    if (positionals.length === 0) throw new UsageError('No sources given. Try: archsight import docker-compose.yml -o system.arch');
    if (values.output !== undefined && !values.force && await exists(values.output)) {
        throw new UsageError(`'${values.output}' already exists; use --force to overwrite it.`);
    }
    const system = await importOrFail(positionals, values.profile ?? []);
    sayWarnings(system.warnings, 'import', io);
    const title = values.title ?? defaultTitle(values.output, positionals[0]);
    const services = createArchServices(EmptyFileSystem).Arch;
    const text = await formatArch(services, writeArch(system, title));
    if (values.output === undefined) {
        io.out(text);
    } else {
        try {
            await fs.writeFile(values.output, text);
        } catch (error) {
            throw new UsageError(`Cannot write '${values.output}': ${(error as Error).message}.`);
        }
        io.err(`Imported ${plural(system.elements.size, 'element')} and ${plural(system.relations.size, 'relation')} into ${values.output}${system.notes.length > 0 ? ` (${system.notes.length} notes in its header)` : ''}.\n`);
    }
    return 0;
}

/** What the user should fix in the sources (a missing env file), one line each on standard error. */
export function sayWarnings(warnings: readonly string[], command: string, io: Output): void {
    for (const warning of warnings) io.err(`archsight ${command}: warning: ${terminalLine(warning)}\n`);
}

/** Reads the sources; a source that is not what it claims becomes a usage error (one line, exit 2). */
export async function importOrFail(sources: readonly string[], profiles: readonly string[]) {
    try {
        return await importSources(sources, { profiles });
    } catch (error) {
        if (error instanceof ImportError) throw new UsageError(error.message);
        throw error;
    }
}

function defaultTitle(output: string | undefined, firstSource: string): string {
    const base = output ? path.basename(output, '.arch') : path.basename(path.resolve(firstSource === '-' ? '.' : firstSource));
    const folder = firstSource === '-' ? path.basename(process.cwd()) : path.basename(path.dirname(path.resolve(firstSource)));
    return output ? base : /compose|\.ya?ml$|\.json$/.test(base) ? folder : base;
}

async function exists(file: string): Promise<boolean> {
    try {
        await fs.access(file);
        return true;
    } catch {
        return false;
    }
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
