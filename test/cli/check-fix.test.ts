import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `archsight check --fix` applies the quick fixes the editor offers, as `eslint --fix` does.
let dir: string;
const ONLY = ['--rule', 'orphan-element=off', '--rule', 'missing-telemetry=off', '--rule', 'missing-health-check=off', '--rule', 'no-observability-backend=off'];
const BEFORE = 'architecture "Shop" {\n  service orders { replicas 2 }\n  service payments { replicas 2 }\n  orders -> payments { timeout none }\n  orders -> nowhere\n}\n';

beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-fix-'));
    writeFileSync(path.join(dir, 'shop.arch'), BEFORE);
});

describe('archsight check --fix', () => {
    test('writes the fix into the file and reports only what remains', () => {
        const before = runCli(['check', 'shop.arch', ...ONLY], dir);
        expect(before.stdout).toContain('[missing-timeout]');
        const run = runCli(['check', 'shop.arch', '--fix', ...ONLY], dir);
        expect(run.stderr).toBe('archsight check: fixed 1 problem in 1 file.\n');
        expect(run.stdout).not.toContain('[missing-timeout]');
        expect(run.stdout).toContain("Unknown element 'nowhere'");
        expect(run.code).toBe(1);
        const after = readFileSync(path.join(dir, 'shop.arch'), 'utf8');
        expect(after).toMatch(/orders -> payments \{[^}]*timeout 2s[^}]*breaker[^}]*\}/);
        expect(after.replace(/orders -> payments \{[^}]*\}/, '')).toBe(BEFORE.replace(/orders -> payments \{[^}]*\}/, ''));
        // Fixed files stay fixed: a second run has nothing to do.
        expect(runCli(['check', 'shop.arch', '--fix', ...ONLY], dir).stderr).toBe('');
    });

    test('--fix-dry-run reports what would remain and changes nothing', () => {
        const run = runCli(['check', 'shop.arch', '--fix-dry-run', ...ONLY], dir);
        expect(run.stderr).toBe('archsight check: would fix 1 problem in 1 file.\n');
        expect(run.stdout).not.toContain('[missing-timeout]');
        expect(readFileSync(path.join(dir, 'shop.arch'), 'utf8')).toBe(BEFORE);
        const stdin = runCli(['check', '--stdin', '--stdin-filename', 'shop.arch', '--fix-dry-run', ...ONLY], dir, {}, BEFORE);
        expect(stdin.stderr).toBe('archsight check: would fix 1 problem in 1 file.\n');
    });

    test('--fix with --stdin: one line, exit 2', () => {
        expect(runCli(['check', '--stdin', '--fix'], dir, {}, BEFORE)).toMatchObject({ code: 2, stderr: 'archsight check: --fix cannot write to standard input; use --fix-dry-run with --stdin.\n' });
    });
});
