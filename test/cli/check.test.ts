import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-cli-'));
    const write = (name: string, text: string | Buffer) => {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    };
    // These tests are about the command line; the rules have their own tests (test/rules, check-rules).
    write('archsight.config.json', JSON.stringify({ rules: { 'orphan-element': 'off', 'missing-timeout': 'off', 'missing-health-check': 'off', 'no-observability-backend': 'off' } }));
    write('good.arch', 'architecture "Good" {\n  service orders\n  database ordersDb\n  orders -> ordersDb\n}\n');
    write('bad.arch', 'architecture "Bad" {\n  service orders\n  service payments\n  orders -> paymnts\n  service orders\n}\n');
    write('syntax.arch', 'architecture "Broken" {\n  service\n}\n');
    write('nested/deep/one.arch', 'service one\n');
    write('nested/two.arch', 'import "./deep/one.arch"\nservice two\ntwo -> one\n');
    write('empty-folder/readme.txt', 'nothing here');
    write('notes.txt', 'not arch');
    write('binary.arch', Buffer.from([0x73, 0x65, 0x00, 0x01, 0x02]));
    write('latin1.arch', Buffer.from([0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x20, 0xe9, 0xff]));
    write('empty.arch', '');
    write('imports-missing.arch', 'import "./gone.arch"\nservice a\n');
    symlinkSync(path.join(dir, 'loop-a.arch'), path.join(dir, 'loop-b.arch'));
    symlinkSync(path.join(dir, 'loop-b.arch'), path.join(dir, 'loop-a.arch'));
});

describe('archsight check', () => {
    test('a clean file: exit 0 and a one-line summary', () => {
        const r = runCli(['check', 'good.arch'], dir);
        expect(r.stdout).toBe('✓ 1 file checked, no problems.\n');
        expect(r.code).toBe(0);
    });

    test('errors: file:line:col  severity  message  [code], a summary, exit 1', () => {
        const r = runCli(['check', 'bad.arch'], dir);
        expect(r.stdout.split('\n')).toEqual([
            expect.stringMatching(/^bad\.arch:4:13 {2}error {2}Unknown element 'paymnts'\. Did you mean 'payments'\?/),
            "bad.arch:5:11  error  Duplicate id 'orders': it is already declared at line 2. Ids must be unique across an architecture and the files it imports.  [duplicate-id]",
            '✖ 2 problems (2 errors, 0 warnings) in 1 file.',
            '',
        ]);
        expect(r.code).toBe(1);
    });

    test('syntax errors are errors', () => {
        const r = runCli(['check', 'syntax.arch'], dir);
        expect(r.stdout).toMatch(/^syntax\.arch:2:3 {2}error {2}Unexpected 'service': expected an element \(service, database, …\)/);
        expect(r.code).toBe(1);
    });

    test('a folder means every .arch file below it; imports resolve from disk', () => {
        const r = runCli(['check', 'nested'], dir);
        expect(r.stdout).toBe('✓ 2 files checked, no problems.\n');
        expect(r.code).toBe(0);
    });

    test('quoted globs are expanded', () => {
        const r = runCli(['check', 'nested/**/*.arch', '--format', 'json'], dir);
        expect(JSON.parse(r.stdout).map((f: { file: string }) => f.file)).toEqual(['nested/deep/one.arch', 'nested/two.arch']);
    });

    test('--format json lists every file with its diagnostics', () => {
        const r = runCli(['check', '--format', 'json', 'good.arch', 'bad.arch'], dir);
        const report = JSON.parse(r.stdout);
        expect(report.map((f: { file: string; errorCount: number }) => [f.file, f.errorCount])).toEqual([['good.arch', 0], ['bad.arch', 2]]);
        expect(report[1].diagnostics[1]).toEqual({
            line: 5, column: 11, endLine: 5, endColumn: 17, severity: 'error',
            message: "Duplicate id 'orders': it is already declared at line 2. Ids must be unique across an architecture and the files it imports.",
            code: 'duplicate-id',
        });
        expect(r.code).toBe(1);
    });

    test('an import that cannot be found is an error in the importing file', () => {
        const r = runCli(['check', 'imports-missing.arch'], dir);
        expect(r.stdout).toMatch(/^imports-missing\.arch:1:8 {2}error {2}Cannot find imported file '\.\/gone\.arch'/);
        expect(r.code).toBe(1);
    });

    test('an empty file is a valid, empty architecture', () => {
        const r = runCli(['check', 'empty.arch'], dir);
        expect(r.code).toBe(0);
    });
});

describe('usage and I/O errors: one line, exit 2, no stack trace', () => {
    test.each([
        [['check', 'missing.arch'], "archsight check: No such file or folder: 'missing.arch'."],
        [['check', 'notes.txt'], "archsight check: 'notes.txt' is not a .arch file."],
        [['check', 'empty-folder'], "archsight check: No .arch files in folder 'empty-folder'."],
        [['check', 'nothing/**/*.arch'], "archsight check: No .arch files match 'nothing/**/*.arch'."],
        [['check', 'binary.arch'], "archsight check: 'binary.arch' is a binary file, not .arch text."],
        [['check', 'latin1.arch'], "archsight check: 'latin1.arch' is not valid UTF-8 text."],
        [['check', 'loop-a.arch'], "archsight check: Cannot read 'loop-a.arch': too many levels of symbolic links."],
        [['check'], 'archsight check: No files given. Try: archsight check <files|folders|globs...>'],
        [['check', '--format', 'xml', 'good.arch'], "archsight check: Unknown format 'xml'; use one of text, json, sarif, github."],
        [['check', '--bogus', 'good.arch'], "archsight check: unknown option '--bogus'. Run 'archsight check --help' for its options."],
        [['frobnicate'], "archsight: unknown command 'frobnicate'. Run 'archsight --help' for the commands."],
    ])('%j', (args, message) => {
        const r = runCli(args as string[], dir);
        expect(r.stderr.trimEnd().split('\n')).toEqual([message]);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(2);
    });

    test('a file without read permission', () => {
        if (process.getuid?.() === 0) {
            // root reads everything; the message for EACCES is covered by describeFsError's own test.
            return;
        }
        const file = path.join(dir, 'secret.arch');
        writeFileSync(file, 'service a');
        chmodSync(file, 0o000);
        const r = runCli(['check', 'secret.arch'], dir);
        expect(r.stderr).toBe("archsight check: Cannot read 'secret.arch': permission denied.\n");
        expect(r.code).toBe(2);
    });
});

describe('help and version', () => {
    test('--version prints the package version', () => {
        const r = runCli(['--version']);
        expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
        expect(r.code).toBe(0);
    });

    test('--help lists the commands; check --help its options', () => {
        expect(runCli(['--help']).stdout).toMatch(/Commands:\n {2}check /);
        const r = runCli(['check', '--help']);
        expect(r.stdout).toMatch(/--format <text\|json\|sarif\|github>/);
        expect(r.code).toBe(0);
    });

    test('no arguments prints the help and exits 2', () => {
        const r = runCli([]);
        expect(r.stdout).toMatch(/^Usage: archsight <command>/);
        expect(r.code).toBe(2);
    });
});
