import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The repository root, whatever folder the test runner started in. Bundled copies of the
 * harness (the `npm run test:vscode` runner and suite) are told it through ARCHSIGHT_REPO.
 */
export const REPO = process.env.ARCHSIGHT_REPO ?? fileURLToPath(new URL('../../../', import.meta.url));

/** Installed by scripts/e2e/install-code-server.sh. */
export const CODE_SERVER_BIN = join(REPO, '.cache/code-server/node_modules/.bin/code-server');

/** Screenshots, logs and each scenario's user data and workspace (git ignores it). */
export const RESULTS = join(REPO, 'test-results/e2e');

/** Extensions folder shared by the scenarios: the .vsix is installed into it once per run. */
export const EXTENSIONS = join(RESULTS, 'extensions');

/** The CLI bundle that scenarios compare the editor with. */
export const CLI = join(REPO, 'bin/archsight.cjs');

export const SAMPLES = join(REPO, 'samples');
export const FIXTURES = join(REPO, 'test/e2e/fixtures');
