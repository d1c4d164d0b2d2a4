import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
const BIN = path.join(REPO, 'bin/archsight.cjs');

export interface CliResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built `archsight` binary as a user would, in `cwd`. */
export function runCli(args: readonly string[], cwd = REPO, env: NodeJS.ProcessEnv = {}, input?: string): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env }, input });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
