import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'test/vscode/**', 'node_modules/**'],
        setupFiles: ['./scripts/polyfills.mjs'],
        globalSetup: ['./test/global-setup.ts'],
        testTimeout: 30_000,
        // The diagram imports its stylesheets as text (`?raw`); vitest empties CSS it does not process.
        css: { include: [/language-server\/src\/diagram\/styles\/.+\.css/] },
    },
});
