import { defineConfig } from 'vitest/config';

// The end-to-end scenarios (`npm run test:e2e`): a real VS Code workbench (code-server)
// in Chromium. One scenario at a time, because each starts its own code-server and
// browser; long timeouts, because the first activation of the extension takes seconds.
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        globalSetup: ['test/e2e/global-setup.ts'],
        setupFiles: ['./scripts/polyfills.mjs'],
        pool: 'forks',
        maxWorkers: 1,
        fileParallelism: false,
        testTimeout: 120_000,
        hookTimeout: 120_000,
    },
});
