import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runAsUnprivileged, runCli, type CliResult } from '../helpers/cli.js';

// The CLI on bad paths and bad files: one clear line each, exit 2 for what cannot be read
// (1 for a file that reads but has errors), never a stack trace, never a hang. The common
// cases are in test/cli/check.test.ts; these are the hostile ones.
let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-bad-'));
    chmodSync(dir, 0o755);
    const write = (name: string, text: string | Buffer) => {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    };
    write('garbage.arch', '}}} service -> -> "unterminated\n\u202e<script>\n{ database');
    write('huge.arch', 'service a\n'.repeat(1_048_576));
    write('deep.arch', Array.from({ length: 1_000 }, (_, i) => `system g${i} {`).join('\n') + '}'.repeat(1_000));
    write('errors.arch', 'a ->'.repeat(5_000));
    write('tree/one.arch', 'service one\n');
    symlinkSync('..', path.join(dir, 'tree/loop'));
    mkdirSync(path.join(dir, 'folder.arch'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.arch')]);
    symlinkSync('/dev/zero', path.join(dir, 'zero.arch'));
    write('imports-pipe.arch', 'import "./pipe.arch"\nservice a\n');
    write('secret.arch', 'service a\n');
    chmodSync(path.join(dir, 'secret.arch'), 0o000);
});

/** Nothing printed looks like a stack trace. */
function noStack(r: CliResult): void {
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

describe('files that read but have errors: exit 1, diagnostics as lines', () => {
    test('garbage', () => {
        const r = runCli(['check', 'garbage.arch'], dir);
        expect(r.stdout).toMatch(/^garbage\.arch:1:1 {2}error {2}/);
        expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 1 file\.$/);
        expect(r.code).toBe(1);
        noStack(r);
    });

    test.each([
        ['huge.arch', 'huge.arch:1:1  error  File too large to analyse (10 MB > 1 MB limit). Split it into files that import each other.'],
        ['deep.arch', 'deep.arch:101:13  error  Groups nested deeper than 100 levels: this file is not analysed. Flatten the nesting.'],
    ])('%s: one line that names the limit', (file, line) => {
        const r = runCli(['check', file], dir);
        expect(r.stdout).toBe(`${line}\n✖ 1 problem (1 error, 0 warnings) in 1 file.\n`);
        expect(r.code).toBe(1);
    });

    test('thousands of syntax errors stop at the cap', () => {
        const r = runCli(['check', 'errors.arch', '--format', 'json'], dir);
        const [report] = JSON.parse(r.stdout);
        expect(report.diagnostics.map((d: { message: string }) => d.message)).toContain('More than 100 syntax errors: the rest of the file is not analysed. Fix the first ones.');
        expect(r.code).toBe(1);
    });
});

describe('paths that cannot be read: exit 2, one line', () => {
    test.each([
        ['pipe.arch', "archsight check: 'pipe.arch' is not a regular file."],
        ['zero.arch', "archsight check: 'zero.arch' is not a regular file."],
        ['folder.arch', "archsight check: No .arch files in folder 'folder.arch'."],
    ])('%s', (file, message) => {
        const r = runCli(['check', file], dir);
        expect(r.stderr).toBe(`${message}\n`);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(2);
    });

    test('a file without read permission, checked by a user who may not read it', () => {
        const r = runAsUnprivileged(['check', 'secret.arch'], dir);
        expect(r.stderr).toBe("archsight check: Cannot read 'secret.arch': permission denied.\n");
        expect(r.code).toBe(2);
    });
});

describe('no hang', () => {
    test('an import of a FIFO is not read: the import is reported, the check ends', () => {
        const r = runCli(['check', 'imports-pipe.arch'], dir);
        expect(r.stdout).toMatch(/^imports-pipe\.arch:1:8 {2}error {2}Cannot import '\.\/pipe\.arch': the file is not a regular file\. {2}\[import\]$/m);
        expect(r.code).toBe(1);
    });

    test('a folder with a symbolic link back to its parent: each file once', () => {
        const r = runCli(['check', 'tree', '--format', 'json'], dir);
        expect(JSON.parse(r.stdout).map((f: { file: string }) => f.file)).toEqual(['tree/one.arch']);
        expect(r.code).toBe(0);
    });
});

