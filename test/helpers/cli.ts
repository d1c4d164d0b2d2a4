import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin/archsight.cjs');

export interface CliResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built `archsight` binary as a user would, in `cwd`. */
export function runCli(args: readonly string[], cwd = REPO): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI as a user without the file's permissions: root reads everything, so as root
 * it runs as `nobody` through `runuser`; any other user is unprivileged already.
 */
export function runAsUnprivileged(args: string[], cwd: string): CliResult {
    if (process.getuid?.() !== 0) return runCli(args, cwd);
    if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) throw new Error('runuser is needed to test permissions as root.');
    const r = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, path.join(REPO, 'bin/archsight.cjs'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
