import { INPUT_LIMITS } from '../parser/input-limits.js';

/**
 * Why a `.arch` file cannot be read, as the end of a sentence: "'x.arch' is a folder, not
 * a file." Files given to the CLI and files reached through an import meet the same checks.
 */
export class SourceProblem extends Error {}

/** The text of a `.arch` file's bytes; binary files and invalid UTF-8 are refused. */
export function decodeSource(bytes: Uint8Array): string {
    if (bytes.includes(0)) throw new SourceProblem('is a binary file, not .arch text');
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new SourceProblem('is not valid UTF-8 text');
    }
}

/** The file system's error as the end of a sentence about the file. */
export function describeReadError(error: unknown): string {
    if (error instanceof SourceProblem) return error.message;
    switch ((error as NodeJS.ErrnoException)?.code) {
        case 'ENOENT': case 'ENOTDIR': return 'does not exist';
        case 'EACCES': case 'EPERM': return 'cannot be read: permission denied';
        case 'ELOOP': return 'cannot be read: too many levels of symbolic links';
        case 'EISDIR': return 'is a folder, not a file';
        default: return `cannot be read: ${oneLine(error instanceof Error ? error.message : String(error))}`;
    }
}

/** Files reached through an import are read up to this size, the size the parser analyses. */
export const MAX_IMPORT_BYTES = INPUT_LIMITS.maxFileBytes;

export function tooLarge(bytes: number, limit: number): SourceProblem {
    const mb = (n: number) => (n / 1048576).toFixed(n % 1048576 === 0 ? 0 : 1);
    return new SourceProblem(`is too large to analyse (${mb(bytes)} MB > ${mb(limit)} MB limit)`);
}

function oneLine(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}
