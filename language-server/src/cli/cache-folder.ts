import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './files.js';
import { DEFAULT_CACHE_LOCATION } from './render-options.js';

/** The cache's folder for `--cache` / `--cache-location`; it is made when the first entry is stored. */
export async function cacheFolder(cwd: string, location: string): Promise<string> {
    const folder = path.resolve(cwd, location);
    const stat = await fs.stat(folder).catch(() => undefined);
    if (stat && !stat.isDirectory()) throw new UsageError(`The cache location '${location}' is a file; give a folder (default: ${DEFAULT_CACHE_LOCATION}).`);
    return folder;
}
