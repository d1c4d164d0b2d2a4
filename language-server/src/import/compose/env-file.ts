import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';

/** An `env_file` entry with its path made absolute against the Compose file that wrote it. */
export interface EnvFileEntry {
    readonly file: string;
    /** The path as the user reads it: relative to the folder the import started in. */
    readonly display: string;
    /** Compose fails on a missing file unless `required: false`. */
    readonly required: boolean;
}

/**
 * `env_file: a.env`, `[a.env, b.env]` or `[{ path, required }]`, resolved against the
 * folder of the Compose file it is written in (as Compose does), so that `extends` and
 * override files from other folders keep pointing at the right file.
 */
export function envFileEntries(definition: Record<string, Data>, composeFile: string, composeDisplay: string): EnvFileEntry[] {
    const raw = definition.env_file;
    const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
    const entries: EnvFileEntry[] = [];
    for (const item of items) {
        const relative = isRecord(item) ? scalarText(item.path) : scalarText(item);
        if (!relative) continue;
        entries.push({
            file: path.resolve(path.dirname(composeFile), relative),
            display: path.join(path.dirname(composeDisplay), relative),
            required: !(isRecord(item) && item.required === false),
        });
    }
    return entries;
}

/** The variables of an env file (`KEY=value` lines, comments, quotes), parsed as dotenv does. */
export function parseEnvFile(text: string): Map<string, string> {
    return new Map(Object.entries(parseDotenv(text)));
}

/** Env files are small; a larger one (or a device, a FIFO, a folder) is not read. */
const MAX_ENV_FILE_BYTES = 1024 * 1024;

/** The text of an env file, or why it cannot be read, in words for a warning. */
export async function readEnvFile(file: string): Promise<{ text: string } | { why: string }> {
    try {
        const stat = await fs.stat(file);
        if (stat.isDirectory()) return { why: 'it is a folder' };
        if (!stat.isFile()) return { why: 'it is not a regular file' };
        if (stat.size > MAX_ENV_FILE_BYTES) return { why: `it is larger than 1 MB` };
        return { text: await fs.readFile(file, 'utf8') };
    } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        return { why: code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'it cannot be read' };
    }
}
