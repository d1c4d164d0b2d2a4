import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkTaskArgs, checkTaskCommand, TASK_LINGER_MS } from '../../extension/src/tasks/check-task-definition.js';
import { REPO } from '../helpers/cli.js';

// The `archsight` task type: what package.json declares, and what the task runs.
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

describe('the archsight task type', () => {
    test('is declared with its files and args, and activates the extension', () => {
        const [definition] = pkg.contributes.taskDefinitions;
        expect(definition.type).toBe('archsight');
        expect(Object.keys(definition.properties)).toEqual(['files', 'args']);
        expect(pkg.activationEvents).toContain('onTaskType:archsight');
        // The task runs the CLI bundle shipped in the .vsix.
        expect(readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n')).toContain('!out/cli.cjs');
    });

    test('checks the folder by default, in text without colour, files after --', () => {
        expect(checkTaskArgs({ type: 'archsight' })).toEqual(['check', '--no-color', '--', '.']);
        expect(checkTaskArgs({ type: 'archsight', files: ['architecture/', '-odd.arch'], args: ['--quiet'] }))
            .toEqual(['check', '--quiet', '--no-color', '--', 'architecture/', '-odd.arch']);
    });

    test('refuses an output format or file the problem matcher cannot read, with a reason', () => {
        for (const args of [['--format', 'json'], ['--format=sarif'], ['-o', 'x.txt'], ['--output-file', 'x']]) {
            expect(checkTaskArgs({ type: 'archsight', args })).toEqual({ error: expect.stringContaining(`'${args[0]}' in "args"`) });
        }
    });

    test('what it runs is read by the $archsight problem matcher, line for line, and it exits a moment after the last line', async () => {
        const cli = path.join(REPO, 'out/cli.cjs');
        const files = ['samples/faas.arch', 'samples/soa-esb.arch'];
        const task = spawn(process.execPath, checkTaskCommand(cli, { type: 'archsight', files }), { cwd: REPO, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
        let stdout = '';
        let lastOutput = 0;
        task.stdout.on('data', chunk => { stdout += chunk; lastOutput = performance.now(); });
        const status = await new Promise<number | null>(resolve => task.on('close', resolve));
        const lingered = performance.now() - lastOutput;
        // The same output and exit code as the CLI run on its own…
        const direct = spawnSync(process.execPath, [cli, ...checkTaskArgs({ type: 'archsight', files }) as string[]], { cwd: REPO, encoding: 'utf8' });
        expect(stdout).toBe(direct.stdout);
        expect(status).toBe(direct.status);
        const lines = stdout.trimEnd().split('\n');
        expect(lines.length).toBeGreaterThan(2);
        const pattern = new RegExp(pkg.contributes.problemMatchers[0].pattern.regexp);
        for (const line of lines.slice(0, -1)) expect(line).toMatch(pattern);
        expect(lines.at(-1)).toMatch(/problems? \(/);
        // …and the process stays after its last line, long enough for VS Code's terminal to read it.
        expect(lingered).toBeGreaterThanOrEqual(TASK_LINGER_MS * 0.9);
    });

    test('a refused definition prints its reason and exits with 2', () => {
        const run = spawnSync(process.execPath, checkTaskCommand('no-cli.cjs', { type: 'archsight', args: ['--format', 'json'] }), { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`'--format' in "args"`);
    });
});
