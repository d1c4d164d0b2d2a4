// `npm run test:vscode`: bundles the extension and the API-level suite in test/vscode/,
// then runs it in a VS Code desktop build that @vscode/test-electron downloads. It needs
// the internet for that download; machines without it run `npm run test:e2e` instead.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const out = `${repo}.cache/vscode-tests`;

execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: repo, stdio: 'inherit' });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: repo };
await Promise.all([
    // The suite runs inside VS Code's extension host, which loads CommonJS.
    esbuild.build({
        ...common, format: 'cjs', entryPoints: ['test/vscode/suite/index.ts'], outfile: `${out}/suite.cjs`, external: ['vscode'],
        define: { 'import.meta.url': '__importMetaUrl' },
        banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    }),
    esbuild.build({ ...common, format: 'esm', entryPoints: ['test/vscode/run-tests.ts'], outfile: `${out}/run-tests.mjs`, packages: 'external' }),
]);

// The bundled harness finds the repository through this, not through its own location.
process.env.ARCHSIGHT_REPO = repo;
await import(`${out}/run-tests.mjs`);
