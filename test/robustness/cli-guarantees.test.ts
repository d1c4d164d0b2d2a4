import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { FileDiagnostic } from '../../language-server/src/cli/diagnostics.js';
import { formatText } from '../../language-server/src/cli/format-text.js';
import { runAsUnprivileged, runCli } from '../helpers/cli.js';

// The CLI's guarantees against hostile files: nothing reaches a terminal or a CI log raw,
// imports meet the checks of files given directly, `render --force` never overwrites a
// source through a link, and every message is one line with the right words.

function folder(files: Record<string, string | Buffer>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-cli-'));
    chmodSync(dir, 0o755);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
}

const ESCAPES = 'x\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';

describe('nothing reaches a terminal raw', () => {
    test('escape sequences in file names and in messages are shown escaped, in text and GitHub output', () => {
        const evilName = `evil${ESCAPES}\n::error::forged.arch`;
        const dir = folder({ [evilName]: `import "./${ESCAPES}.arch"\nservice a\n` });
        for (const format of ['text', 'github']) {
            const r = runCli(['check', '--format', format, '.'], dir);
            expect(r.code).toBe(1);
            expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
            // One line per diagnostic: the file name's line break cannot start a workflow command.
            expect(r.stdout.split('\n').filter(line => line.startsWith('::error::forged'))).toEqual([]);
            expect(r.stdout).toContain('\\x1B]0;pwned\\x07\\x1B[2J\\x9B31m\\u202E');
        }
    });

    test('a message of a million spaces and line breaks is one line, at once (the regular expression was quadratic)', () => {
        const message = `a${' '.repeat(1_000_000)}\n${' '.repeat(1_000_000)}b${' '.repeat(1_000_000)}`;
        const diagnostic: FileDiagnostic = { file: '/x.arch', display: 'x.arch', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', message, subject: [], fingerprint: '' };
        const started = performance.now();
        const [line] = formatText([diagnostic], 1).split('\n');
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(line).toBe(`x.arch:1:1  error  a b${' '.repeat(1_000_000)}`);
    });
});

describe('imports meet the checks of files given directly', () => {
    test.each([
        ['binary.arch', Buffer.from([0x73, 0x00, 0x01]), 'is a binary file, not .arch text'],
        ['latin1.arch', Buffer.from([0x73, 0xe9, 0x0a]), 'is not valid UTF-8 text'],
        ['large.arch', Buffer.alloc(3 * 1024 * 1024, 0x20), 'is too large to analyse (3 MB > 1 MB limit)'],
    ])('%s', (name, bytes, reason) => {
        const dir = folder({ [name]: bytes, 'main.arch': `import "./${name}"\nservice a\n` });
        const given = runCli(['check', name], dir);
        expect(given.code).not.toBe(0);
        const r = runCli(['check', 'main.arch'], dir);
        expect(r.stdout).toContain(`main.arch:1:8  error  Cannot import './${name}': the file ${reason}.  [import]`);
        expect(r.code).toBe(1);
    });

    test('an import its reader may not read', () => {
        const dir = folder({ 'secret.arch': 'service s\n', 'main.arch': 'import "./secret.arch"\nservice a\n' });
        chmodSync(path.join(dir, 'secret.arch'), 0o000);
        const r = runAsUnprivileged(['check', 'main.arch'], dir);
        expect(r.stdout).toContain("main.arch:1:8  error  Cannot import './secret.arch': the file cannot be read: permission denied.  [import]");
    });
});

describe('render never overwrites what it draws from', () => {
    const setup = () => {
        const dir = folder({ 'lib.arch': 'service lib\n', 'main.arch': 'import "./lib.arch"\nservice a\na -> lib\n' });
        symlinkSync('main.arch', path.join(dir, 'to-source.svg'));
        linkSync(path.join(dir, 'main.arch'), path.join(dir, 'hard-source.svg'));
        symlinkSync('lib.arch', path.join(dir, 'to-import.svg'));
        linkSync(path.join(dir, 'lib.arch'), path.join(dir, 'hard-import.svg'));
        return dir;
    };
    test.each([
        ['to-source.svg', "archsight render: Refusing to write the diagram over its own source: 'to-source.svg' is a link to it.\n"],
        ['hard-source.svg', "archsight render: Refusing to write the diagram over its own source: 'hard-source.svg' is a link to it.\n"],
        ['to-import.svg', "archsight render: Refusing to write the diagram over 'lib.arch', which the diagram imports: 'to-import.svg' is a link to it.\n"],
        ['hard-import.svg', "archsight render: Refusing to write the diagram over 'lib.arch', which the diagram imports: 'hard-import.svg' is a link to it.\n"],
    ])('--force -o %s', (target, message) => {
        const dir = setup();
        const r = runCli(['render', 'main.arch', '--force', '-o', target], dir);
        expect(r.stderr).toBe(message);
        expect(r.code).toBe(2);
        expect(readFileSync(path.join(dir, 'main.arch'), 'utf8')).toBe('import "./lib.arch"\nservice a\na -> lib\n');
        expect(readFileSync(path.join(dir, 'lib.arch'), 'utf8')).toBe('service lib\n');
    });
});

describe('messages are one line, in words', () => {
    const dir = folder({ 'a.arch': 'service a\n', 'quote.arch': '"' });
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    test.each([
        [['check', 'a.arch', '--max-warnings', '-1'], "archsight check: --max-warnings takes a whole number of 0 or more, not '-1'.\n"],
        [['check', 'a.arch', '--config', '/dev/null'], "archsight check: '/dev/null' is not a regular file; --config takes an archsight.config.json.\n"],
        [['check', 'a.arch', '--config', 'fifo.json'], "archsight check: 'fifo.json' is not a regular file; --config takes an archsight.config.json.\n"],
        [['check', 'a.arch', '--format'], "archsight check: option '--format' needs a value. Run 'archsight check --help' for its options.\n"],
    ])('%j', (args, message) => {
        const r = runCli(args, dir);
        expect(r.stderr).toBe(message);
        expect(r.code).toBe(2);
    });

    test('a character the lexer cannot read', () => {
        const r = runCli(['check', 'quote.arch'], dir);
        expect(r.stdout.split('\n')[0]).toBe(`quote.arch:1:1  error  A string starts here and never ends: add the closing ".`);
    });
});
