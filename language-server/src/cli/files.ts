import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** A problem with the command line or the file system: exit code 2, one line, no stack. */
export class UsageError extends Error {}

export interface SourceFile {
    readonly path: string;
    readonly text: string;
}

/**
 * Expands files, folders and globs into the `.arch` files they name, in a stable order.
 * A folder means every `.arch` file below it, skipping node_modules and dot folders.
 * `ignored` leaves files out of folders and globs (see ignore.ts), not files named one by one.
 */
export async function expandInputs(inputs: readonly string[], cwd = process.cwd(), ignored: (file: string) => boolean = () => false): Promise<string[]> {
    const result = new Set<string>();
    for (const input of inputs) {
        if (isDynamicPattern(input)) {
            const matches = await glob(input, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
            const arch = matches.filter(m => m.endsWith('.arch'));
            if (arch.length === 0) throw new UsageError(`No .arch files match '${input}'.`);
            if (arch.every(ignored)) throw new UsageError(`Every .arch file matching '${input}' is ignored (.archsightignore or --ignore-pattern).`);
            arch.filter(m => !ignored(m)).sort().forEach(m => result.add(path.normalize(m)));
            continue;
        }
        const absolute = path.resolve(cwd, input);
        const stat = await statOrFail(input, absolute);
        if (stat.isDirectory()) {
            const matches = await glob('**/*.arch', { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.*/**'], followSymbolicLinks: false });
            if (matches.length === 0) throw new UsageError(`No .arch files in folder '${input}'.`);
            if (matches.every(ignored)) throw new UsageError(`Every .arch file in folder '${input}' is ignored (.archsightignore or --ignore-pattern).`);
            matches.filter(m => !ignored(m)).sort().forEach(m => result.add(path.normalize(m)));
        } else if (!absolute.endsWith('.arch')) {
            throw new UsageError(`'${input}' is not a .arch file.`);
        } else {
            result.add(absolute);
        }
    }
    return [...result];
}

async function statOrFail(input: string, absolute: string) {
    try {
        return await fs.stat(absolute);
    } catch (error) {
        throw new UsageError(describeFsError(input, error));
    }
}

/** Larger files are not read at all; files over the analysis limit (1 MB) are read and get a diagnostic. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/** Reads a `.arch` file as UTF-8 text, refusing binary files and invalid UTF-8 with a clear message. */
export async function readSource(file: string, display: string): Promise<SourceFile> {
    let bytes: Buffer;
    try {
        // A FIFO or a device behind a `.arch` name would block or never end.
        const stat = await fs.stat(file);
        if (!stat.isFile()) throw new UsageError(`'${display}' is not a regular file.`);
        if (stat.size > MAX_READ_BYTES) throw new UsageError(`'${display}' is too large (${Math.round(stat.size / 1048576)} MB) to be a .arch file.`);
        bytes = await fs.readFile(file);
    } catch (error) {
        throw error instanceof UsageError ? error : new UsageError(describeFsError(display, error));
    }
    if (bytes.includes(0)) throw new UsageError(`'${display}' is a binary file, not .arch text.`);
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return { path: file, text };
    } catch {
        throw new UsageError(`'${display}' is not valid UTF-8 text.`);
    }
}

export function describeFsError(display: string, error: unknown): string {
    const code = (error as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'ENOENT': return `No such file or folder: '${display}'.`;
        case 'EACCES':
        case 'EPERM': return `Cannot read '${display}': permission denied.`;
        case 'ELOOP': return `Cannot read '${display}': too many levels of symbolic links.`;
        case 'EISDIR': return `'${display}' is a folder, not a file.`;
        default: return `Cannot read '${display}': ${(error as Error)?.message ?? String(error)}.`;
    }
}
