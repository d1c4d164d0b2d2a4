import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkTaskArgs } from '../../extension/src/tasks/check-task-definition.js';
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

    test('what it runs is read by the $archsight problem matcher, line for line', () => {
        const args = checkTaskArgs({ type: 'archsight', files: ['samples/faas.arch', 'samples/soa-esb.arch'] }) as string[];
        const run = spawnSync(process.execPath, [path.join(REPO, 'out/cli.cjs'), ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines.length).toBeGreaterThan(2);
        const pattern = new RegExp(pkg.contributes.problemMatchers[0].pattern.regexp);
        for (const line of lines.slice(0, -1)) expect(line).toMatch(pattern);
        expect(lines.at(-1)).toMatch(/problems? \(/);
    });
});
