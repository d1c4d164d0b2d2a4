import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pruneEntries, writeWhole } from '../diagram/layout-store.js';
import { CONFIG_FILE_NAME } from '../rules/config/config-file-name.js';
import { decodeSource } from '../workspace/source-text.js';

declare const ARCHSIGHT_VERSION: string;

/**
 * What a kept run (`render --cache`, `check --cache`) was made from, and whether it is
 * still the same: as eslint's cache, a run is replayed only when all of it is. Anything
 * that cannot be read counts as changed.
 */

/** An `.arch` file a run read, hashed as the parser read it. */
export interface SourceSeen {
    readonly path: string;
    readonly sha256: string;
}

/** The nearest `archsight.config.json` above a folder, as the rules look for it (rule-config-provider.ts). */
export interface ConfigSeen {
    readonly folder: string;
    /** The nearest config file above the folder, or null for none. */
    readonly file: string | null;
    readonly sha256?: string;
}

/** Any other file a run read (`--config`, `--baseline`): its bytes' hash, or null when it was not there. */
export interface FileSeen {
    readonly file: string;
    readonly sha256: string | null;
}

/** The `.arch` files a run read, hashed, and the config file that applies to each of their folders. */
export async function sourcesSeen(read: readonly { readonly path: string; readonly text: string }[]): Promise<{ sources: SourceSeen[]; configs: ConfigSeen[] }> {
    const sources = read.map(source => ({ path: source.path, sha256: sha256(source.text) }));
    return { sources, configs: await configsOf(sources.map(source => source.path)) };
}

/** Writes an entry whole, then deletes all but the `keep` entries of its folder used last. */
export async function keepEntry(file: string, entry: object, keep: number): Promise<void> {
    await writeWhole(file, JSON.stringify(entry));
    await pruneEntries(path.dirname(file), keep);
}

/** The file's stat when it is a regular file whose text hashes as before. */
export async function unchanged(file: string, expected: string): Promise<Stats | undefined> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    const bytes = await fs.readFile(file).catch(() => undefined);
    if (bytes === undefined) return undefined;
    try {
        // Decoded as the parser's text is: a byte-order mark is dropped; binary or invalid text throws.
        return sha256(decodeSource(bytes)) === expected ? stat : undefined;
    } catch {
        return undefined;
    }
}

/** Whether every source hashes as before; their stats when so. */
export async function sourcesUnchanged(sources: readonly SourceSeen[]): Promise<Stats[] | undefined> {
    const stats = await Promise.all(sources.map(source => unchanged(source.path, source.sha256)));
    return stats.every(stat => stat !== undefined) ? stats as Stats[] : undefined;
}

/** The nearest config file of each source's folder, as the rules look for it (rule-config-provider.ts). */
export async function configsOf(sources: readonly string[]): Promise<ConfigSeen[]> {
    const folders = [...new Set(sources.map(source => path.dirname(source)))].sort();
    return Promise.all(folders.map(async folder => {
        for (let dir = folder; ; dir = path.dirname(dir)) {
            const candidate = path.join(dir, CONFIG_FILE_NAME);
            if ((await fs.stat(candidate).catch(() => undefined))?.isFile()) {
                const text = await fs.readFile(candidate).catch(() => undefined);
                return { folder, file: candidate, ...(text === undefined ? {} : { sha256: sha256(text) }) };
            }
            if (path.dirname(dir) === dir) return { folder, file: null };
        }
    }));
}

export function sameConfigs(kept: readonly ConfigSeen[], now: readonly ConfigSeen[]): boolean {
    return kept.length === now.length && kept.every((config, i) =>
        config.folder === now[i].folder && config.file === now[i].file && config.sha256 === now[i].sha256 && (config.file === null || config.sha256 !== undefined));
}

/** The file as a run saw it. */
export async function fileSeen(file: string): Promise<FileSeen> {
    const bytes = await fs.readFile(file).catch(() => undefined);
    return { file, sha256: bytes === undefined ? null : sha256(bytes) };
}

/** Whether each file is (or is not) there as a run saw it. */
export async function sameFiles(kept: readonly FileSeen[]): Promise<boolean> {
    const now = await Promise.all(kept.map(seen => fileSeen(seen.file)));
    return now.every((seen, i) => seen.sha256 === kept[i].sha256);
}

/** This build: its version and the CLI bundle beside this code (none when running from the sources). */
export async function buildIdentity(): Promise<string | undefined> {
    const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.cjs');
    const stat = await fs.stat(bundle).catch(() => undefined);
    if (!stat?.isFile()) return undefined;
    return `${typeof ARCHSIGHT_VERSION === 'string' ? ARCHSIGHT_VERSION : 'dev'} ${stat.size} ${stat.mtimeMs}`;
}


export function sha256(data: string | Uint8Array): string {
    return createHash('sha256').update(data).digest('hex');
}
