import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, SAMPLES } from './paths.js';

/** Where the fixtures land inside a scenario's workspace, beside the copies of the samples. */
export const FIXTURES_FOLDER = 'e2e-fixtures';

/**
 * Fills a fresh workspace folder with copies of the samples and of the e2e fixtures, so
 * scenarios can edit, rename and format without touching the repository's files.
 */
export async function makeWorkspace(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    if (existsSync(SAMPLES)) await cp(SAMPLES, dir, { recursive: true });
    await cp(FIXTURES, join(dir, FIXTURES_FOLDER), { recursive: true });
}
