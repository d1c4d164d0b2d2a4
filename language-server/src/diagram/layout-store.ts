import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

declare const ARCHSIGHT_VERSION: string;
declare const ELKJS_VERSION: string;

/**
 * Layouts kept on disk between runs (`archsight render --cache`, the preview's first
 * drawing of a file): ELK is the slow part of a diagram, and its answer depends only on the
 * graph it is given. The key is a hash of that graph (ids, sizes, edges, every option;
 * no text) with Archsight's and ELK's versions, so a changed file, another release or
 * another ELK gives another key: nothing stale is ever read, old entries are only unused.
 */
export interface LayoutStore {
    /** The stored layout of a graph with this key, or undefined. */
    get(key: string): Promise<ElkNode | undefined>;
    /** Stores a layout; failures are swallowed (a cache that cannot be written costs only speed). */
    set(key: string, layout: ElkNode): Promise<void>;
}

/** What decides a layout besides the graph: a new release or a new ELK may lay it out differently. */
export const LAYOUT_VERSION = `archsight ${typeof ARCHSIGHT_VERSION === 'string' ? ARCHSIGHT_VERSION : 'dev'}, elkjs ${typeof ELKJS_VERSION === 'string' ? ELKJS_VERSION : 'dev'}`;

/** The key of a graph, given as the JSON text ELK is sent. */
export function layoutKey(graphJson: string, version = LAYOUT_VERSION): string {
    return createHash('sha256').update(version).update('\0').update(graphJson).digest('hex');
}

/**
 * One file per layout, `<folder>/<key>.json`, holding the key and the layout, written whole
 * (`writeWhole`); a file that cannot be read or parsed, or holds another key, is a miss.
 */
export class DiskLayoutStore implements LayoutStore {
    constructor(readonly folder: string) {}

    async get(key: string): Promise<ElkNode | undefined> {
        try {
            const file = this.fileOf(key);
            const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { key?: unknown; layout?: ElkNode };
            if (stored.key !== key || typeof stored.layout !== 'object' || stored.layout === null) return undefined;
            await markUsed(file);
            return stored.layout;
        } catch {
            return undefined;
        }
    }

    async set(key: string, layout: ElkNode): Promise<void> {
        await writeWhole(this.fileOf(key), JSON.stringify({ key, layout }));
    }

    /** Deletes all but the `keep` most recently used layouts; failures are ignored. */
    prune(keep: number): Promise<void> {
        return pruneEntries(this.folder, keep);
    }

    private fileOf(key: string): string {
        if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Not a layout key: ${key}`);
        return path.join(this.folder, `${key}.json`);
    }
}

/**
 * Writes a cache file beside its name and renames it into place (making its folder), so
 * that two processes writing it at once, or one reading while another writes, never see
 * half a file. Failures are swallowed: a cache that cannot be written costs only speed.
 */
export async function writeWhole(file: string, text: string): Promise<void> {
    const partial = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(partial, text);
        await fs.rename(partial, file);
    } catch {
        await fs.rm(partial, { force: true }).catch(() => undefined);
    }
}

/**
 * Deletes all but the `keep` most recently used entries (`<sha-256>.json`) of a cache
 * folder, by their files' modification time, which a read that uses an entry moves
 * forward (`markUsed`). Only entries are touched, never other files; failures are ignored:
 * an entry that cannot be deleted only takes room.
 */
export async function pruneEntries(folder: string, keep: number): Promise<void> {
    try {
        const names = (await fs.readdir(folder)).filter(name => /^[0-9a-f]{64}\.json$/.test(name));
        if (names.length <= keep) return;
        const dated = await Promise.all(names.map(async name => ({ name, time: (await fs.stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
        dated.sort((a, b) => b.time - a.time);
        await Promise.all(dated.slice(keep).map(({ name }) => fs.rm(path.join(folder, name), { force: true }).catch(() => undefined)));
    } catch {
        // No folder yet, or not readable: nothing to prune.
    }
}

/** Notes that a cache entry was used, so that pruning keeps it over entries nobody reads. */
export async function markUsed(file: string): Promise<void> {
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => undefined);
}
