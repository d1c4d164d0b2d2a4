// `npm install` in a clone builds everything (generate, type-check, bundle), so the CLI works
// right away. `npm pack` and `npm publish` run `prepare` too, after `prepack` has built:
// skip the second build there.
import { spawnSync } from 'node:child_process';

const command = process.env.npm_command;
if (command !== 'pack' && command !== 'publish') {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    process.exitCode = build.status ?? 1;
}
