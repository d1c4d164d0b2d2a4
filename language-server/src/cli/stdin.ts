import * as path from 'node:path';
import { UsageError, type SourceFile } from './files.js';

/**
 * `--stdin`: the text of one `.arch` file from standard input, checked as if it were at
 * `--stdin-filename` (which places its imports and its config), as editors' lint-on-type does.
 */
export async function readStdinSource(filename: string | undefined, cwd: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceFile> {
    const name = filename ?? 'stdin.arch';
    if (!name.endsWith('.arch')) throw new UsageError(`--stdin-filename must name a .arch file, not '${name}'.`);
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    if (bytes.includes(0)) throw new UsageError('Standard input is binary, not .arch text.');
    try {
        return { path: path.resolve(cwd, name), text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
        throw new UsageError('Standard input is not valid UTF-8 text.');
    }
}
