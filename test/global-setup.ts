import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/**
 * The CLI and server tests run the built bundles, so bundle once before any test file runs.
 * Each bundle is written beside its final name and renamed into place, so a test run
 * started at the same time never reads a half-written file.
 *
 * Tests write their files into temporary folders, and so do the CLIs and servers they start.
 * All of them go into one folder of this run (the test processes and theirs inherit it as
 * TMPDIR), which is removed when the run ends: a run leaves nothing behind in /tmp.
 */
export default async function setup(): Promise<() => void> {
    const runFolder = mkdtempSync(path.join(tmpdir(), 'archsight-test-run-'));
    // Open to every user, as the system's own is: some tests run the CLI as `nobody`.
    chmodSync(runFolder, 0o1777);
    for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = runFolder;
    // @ts-expect-error -- a plain ES module without type declarations
    const { bundles, copyElk, copyPngAssets, writeCodeCache } = await import('../scripts/bundle.mjs') as { bundles: esbuild.BuildOptions[]; copyElk: () => void; copyPngAssets: () => void; writeCodeCache: () => void };
    await Promise.all(bundles.map(async options => {
        const outfile = options.outfile!;
        const marker = `.${process.pid}-tmp`;
        const dot = outfile.lastIndexOf('.');
        const temporary = `${outfile.slice(0, dot)}${marker}${outfile.slice(dot)}`;
        // esbuild may write more than the script (the webview's stylesheet): move every output.
        const result = await esbuild.build({ ...options, outfile: temporary, sourcemap: false, metafile: true });
        for (const written of Object.keys(result.metafile.outputs)) renameSync(written, written.replace(marker, ''));
    }));
    copyPngAssets();
    copyElk();
    writeCodeCache();
    return () => rmSync(runFolder, { recursive: true, force: true, maxRetries: 3 });
}
