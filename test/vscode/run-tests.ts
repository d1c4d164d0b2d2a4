import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from '../e2e/harness/paths.js';
import { makeWorkspace } from '../e2e/harness/workspace.js';

/**
 * `npm run test:vscode`: the end-to-end checks at the API level in a VS Code desktop build
 * that @vscode/test-electron downloads (so it needs the internet; on machines without it,
 * `npm run test:e2e` runs the same story in code-server). The extension runs from the
 * repository (`--extensionDevelopmentPath`), the suite from its bundle.
 */
const RESULTS = join(REPO, 'test-results/vscode');

async function main(): Promise<void> {
    await rm(RESULTS, { recursive: true, force: true });
    const workspace = join(RESULTS, 'workspace');
    await makeWorkspace(workspace);
    const userData = join(RESULTS, 'user-data');
    await mkdir(join(userData, 'User'), { recursive: true });
    await writeFile(join(userData, 'User/settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'git.enabled': false }));
    await runTests({
        // The version code-server 4.100.3 serves, and the newest that engines.vscode allows.
        version: '1.100.3',
        cachePath: join(REPO, '.cache/vscode-test'),
        extensionDevelopmentPath: REPO,
        extensionTestsPath: join(REPO, '.cache/vscode-tests/suite.cjs'),
        extensionTestsEnv: { ARCHSIGHT_REPO: REPO },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData],
    });
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
