import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

// The options eslint users reach for: -o, --quiet, --stdin, ignores, colour, unknown options.
let dir: string;
const NO_TIMEOUT = ['--rule', 'missing-timeout=off', '--rule', 'orphan-element=off', '--rule', 'missing-health-check=off', '--rule', 'no-observability-backend=off'];

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-options-'));
    const write = (name: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    };
    write('good.arch', 'service orders\ndatabase ordersDb\norders -> ordersDb\n');
    write('bad.arch', 'service orders\norders -> paymnts\n');
    write('warned.arch', 'service a\nservice b\na -> b\n');
    write('generated/big.arch', 'service x\nx -> nowhere\n');
    write('vendor/old.arch', 'service y\ny -> gone\n');
    write('lib/payments.arch', 'service payments\n');
    write('imports/app.arch', 'import "./broken.arch"\nservice app\napp -> lib { timeout 1s }\n');
    write('imports/broken.arch', 'service lib\nservice orphan\nlib -> nowhere { timeout 1s }\n');
    write('roots/main.arch', 'import "./lib.arch"\nservice a\nservice b\nservice c\na -> pricing { timeout 1s }\nb -> pricing { timeout 1s }\nc -> pricing { timeout 1s }\n');
    write('roots/lib.arch', 'service pricing { replicas 1 }\nservice alone { replicas 1 }\n');
});

describe('archsight check, as eslint users expect', () => {
    test('-o writes the report to a file (creating its folder) and nothing to standard output', () => {
        const run = runCli(['check', 'bad.arch', '-o', 'reports/check.txt'], dir);
        expect(run).toMatchObject({ code: 1, stdout: '' });
        expect(readFileSync(path.join(dir, 'reports/check.txt'), 'utf8')).toContain("bad.arch:2:11  error  Unknown element 'paymnts'.");
        const json = runCli(['check', 'bad.arch', '--format', 'json', '--output-file', 'reports/check.json'], dir);
        expect(json.code).toBe(1);
        expect(JSON.parse(readFileSync(path.join(dir, 'reports/check.json'), 'utf8'))).toBeTruthy();
    });

    test('-o into a path that cannot be written: one line, exit 2', () => {
        const run = runCli(['check', 'good.arch', '-o', 'good.arch/report.txt'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^archsight check: .*good\.arch\/report\.txt.*\n$/);
    });

    test('--quiet reports errors only', () => {
        const loud = runCli(['check', 'warned.arch', 'bad.arch'], dir);
        expect(loud.stdout).toContain('warning');
        const quiet = runCli(['check', 'warned.arch', 'bad.arch', '--quiet'], dir);
        expect(quiet.stdout).not.toContain('warning  ');
        expect(quiet.stdout).toContain('error  Unknown element');
        expect(quiet.code).toBe(1);
        expect(runCli(['check', 'warned.arch', '--quiet'], dir)).toMatchObject({ code: 0, stdout: '✓ 1 file checked, no problems.\n' });
    });

    test('--stdin checks standard input as the file --stdin-filename names, with its imports', () => {
        const text = 'import "./payments.arch"\nservice orders\norders -> payments\norders -> shipping\n';
        const run = runCli(['check', '--stdin', '--stdin-filename', 'lib/orders.arch', ...NO_TIMEOUT], dir, {}, text);
        expect(run.stdout).toBe("lib/orders.arch:4:11  error  Unknown element 'shipping'. Declare it, or import the file that declares it.  [unknown-reference]\n✖ 1 problem (1 error, 0 warnings) in 1 file.\n");
        expect(run.code).toBe(1);
        expect(runCli(['check', '--stdin', ...NO_TIMEOUT], dir, {}, 'service a\n')).toMatchObject({ code: 0 });
    });

    test('--stdin refuses files beside it, and --stdin-filename without --stdin', () => {
        expect(runCli(['check', '--stdin', 'good.arch'], dir, {}, '')).toMatchObject({ code: 2, stderr: 'archsight check: --stdin checks standard input only: give no files with it.\n' });
        expect(runCli(['check', '--stdin-filename', 'x.arch', 'good.arch'], dir)).toMatchObject({ code: 2, stderr: 'archsight check: --stdin-filename goes with --stdin.\n' });
    });

    test('.archsightignore and --ignore-pattern leave files out of folders, not files named one by one', () => {
        const all = runCli(['check', '.', ...NO_TIMEOUT], dir);
        expect(all.stdout).toContain('generated/big.arch');
        expect(all.stdout).toContain('vendor/old.arch');
        writeFileSync(path.join(dir, '.archsightignore'), '# generated code\ngenerated/\n');
        try {
            const ignored = runCli(['check', '.', '--ignore-pattern', 'old.arch', ...NO_TIMEOUT], dir);
            expect(ignored.stdout).not.toContain('generated/big.arch');
            expect(ignored.stdout).not.toContain('vendor/old.arch');
            expect(ignored.stdout).toContain('bad.arch');
            expect(runCli(['check', 'generated/big.arch', ...NO_TIMEOUT], dir).stdout).toContain('generated/big.arch:2:6');
            expect(runCli(['check', 'generated'], dir)).toMatchObject({ code: 2, stderr: "archsight check: Every .arch file in folder 'generated' is ignored (.archsightignore or --ignore-pattern).\n" });
        } finally {
            writeFileSync(path.join(dir, '.archsightignore'), '');
        }
    });

    test('colour: off when piped, on with --color, off again with NO_COLOR or --no-color', () => {
        const ESC = '\u001b[';
        expect(runCli(['check', 'bad.arch'], dir).stdout).not.toContain(ESC);
        const coloured = runCli(['check', 'bad.arch', '--color'], dir).stdout;
        expect(coloured).toContain(`${ESC}31merror${ESC}0m`);
        expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(runCli(['check', 'bad.arch'], dir).stdout);
        expect(runCli(['check', 'bad.arch'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).toContain(ESC);
        expect(runCli(['check', 'bad.arch'], dir, { NO_COLOR: '1' }).stdout).not.toContain(ESC);
        expect(runCli(['check', 'bad.arch', '--color', '--no-color'], dir).stdout).not.toContain(ESC);
        expect(runCli(['check', 'bad.arch', '--color', '--format', 'json'], dir).stdout).not.toContain(ESC);
    });

    test('errors of imported files are reported, marked; their warnings are not', () => {
        const run = runCli(['check', 'imports/app.arch', ...NO_TIMEOUT], dir);
        expect(run.stdout).toBe("imports/broken.arch:3:8  error  (imported) Unknown element 'nowhere'. Declare it, or import the file that declares it.  [unknown-reference]\n✖ 1 problem (1 error, 0 warnings) in 1 file.\n");
        expect(run.code).toBe(1);
        const json = JSON.parse(runCli(['check', 'imports/app.arch', '--format', 'json', ...NO_TIMEOUT], dir).stdout);
        expect(json.map((f: { file: string }) => f.file)).toEqual(['imports/app.arch', 'imports/broken.arch']);
        expect(json[1].diagnostics[0]).toMatchObject({ severity: 'error', code: 'unknown-reference', imported: true });
        const both = runCli(['check', 'imports/app.arch', 'imports/broken.arch'], dir).stdout;
        expect(both).not.toContain('(imported)');
        expect(both).toContain("imports/broken.arch:3:8  error  Unknown element 'nowhere'.");
    });

    test('a warning that a checked file brings about on an imported declaration is reported, marked; the imported file\'s own are not', () => {
        const run = runCli(['check', 'roots/main.arch', ...NO_TIMEOUT], dir);
        expect(run.stdout).toBe("roots/lib.arch:1:9  warning  (imported) 'pricing' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'.  [single-replica]\n⚠ 1 problem (0 errors, 1 warning) in 1 file.\n");
        expect(run.code).toBe(0);
    });

    test('unknown options and missing values are answered in our words', () => {
        expect(runCli(['check', '--fixx', 'good.arch'], dir)).toMatchObject({ code: 2, stderr: "archsight check: unknown option '--fixx'. Run 'archsight check --help' for its options.\n" });
        expect(runCli(['check', 'good.arch', '--format'], dir)).toMatchObject({ code: 2, stderr: "archsight check: option '--format' needs a value. Run 'archsight check --help' for its options.\n" });
        expect(runCli(['check', '--quiet=yes', 'good.arch'], dir)).toMatchObject({ code: 2, stderr: "archsight check: option '--quiet' takes no value. Run 'archsight check --help' for its options.\n" });
        expect(runCli(['render', '-x'], dir)).toMatchObject({ code: 2, stderr: "archsight render: unknown option '-x'. Run 'archsight render --help' for its options.\n" });
    });
});
