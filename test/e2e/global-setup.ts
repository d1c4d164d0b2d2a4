import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { installExtension } from './harness/code-server.js';
import { EXTENSIONS, REPO, RESULTS } from './harness/paths.js';

/**
 * Once per run: a clean results folder, and the packaged extension (`npm run package`,
 * which `npm run test:e2e` runs first) installed into a fresh extensions folder.
 */
export default async function setup(): Promise<void> {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const vsix = join(REPO, `archsight-${version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run 'npm run package' first (npm run test:e2e does).`);
    await rm(RESULTS, { recursive: true, force: true });
    await mkdir(RESULTS, { recursive: true });
    await installExtension(vsix, { userDataDir: join(RESULTS, 'install/user-data'), extensionsDir: EXTENSIONS, homeDir: join(RESULTS, 'install/home') });
}
