import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { escapeData, escapeProperty } from '../../language-server/src/cli/format-github.js';
import { BUILTIN_RULES } from '../../language-server/src/rules/rule-registry.js';
import { runCli } from '../helpers/cli.js';

let dir: string;

const SHOP = `architecture "Shop" {
  client web
  service orders { health "/healthz" }
  service payments { health "/healthz" }
  database shopDb
  web -> orders
  orders -> payments { timeout none breaker none }
  orders -> shopDb
  payments -> shopDb
  metrics prom
  orders ..> prom
  payments ..> prom
}
`;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-rules-cli-'));
    const write = (name: string, text: string) => {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    };
    write('shop/shop.arch', SHOP);
    write('clean/clean.arch', 'architecture "Clean" {\n  service orders\n  database ordersDb\n  orders -> ordersDb\n}\n');
    write('cycle/cycle.arch', 'architecture "Cycle" {\n  service a { health "/h" }\n  service b { health "/h" }\n  a -> b { timeout 1s }\n  b -> a { timeout 1s }\n  metrics m\n  a ..> m\n  b ..> m\n}\n');
    write('configured/archsight.config.json', '{\n  // CI is stricter about timeouts\n  "rules": { "missing-timeout": "error", "shared-database": "off" }\n}\n');
    write('configured/nested/shop.arch', SHOP);
    write('broken/archsight.config.json', '{\n  "rules": {\n    "shared-database": "loud"\n  }\n}\n');
    write('broken/shop.arch', SHOP);
    write('strict.json', '{ "rules": { "shared-database": "error" } }');
});

describe('archsight check runs the rules', () => {
    test('findings print with their rule ids; warnings alone exit 0', () => {
        const r = runCli(['check', 'shop'], dir);
        expect(r.stdout.split('\n')).toEqual([
            "shop/shop.arch:5:12  warning  Database 'shopDb' is shared by 2 services: 'orders' and 'payments'.  [shared-database]",
            "shop/shop.arch:7:3  warning  Call 'orders' → 'payments' has neither a timeout nor a circuit breaker: when 'payments' hangs, 'orders' hangs with it.  [missing-timeout]",
            '⚠ 2 problems (0 errors, 2 warnings) in 1 file.',
            '',
        ]);
        expect(r.code).toBe(0);
    });

    test('a rule at error severity fails the check', () => {
        const r = runCli(['check', 'cycle'], dir);
        expect(r.stdout).toContain('cycle/cycle.arch:4:3  error  Synchronous call cycle: a → b → a.  [sync-cycle]');
        expect(r.code).toBe(1);
    });

    test('--max-warnings', () => {
        const over = runCli(['check', 'shop', '--max-warnings', '1'], dir);
        expect(over.code).toBe(1);
        expect(over.stderr).toBe('archsight check: 2 warnings, more than --max-warnings 1.\n');
        expect(runCli(['check', 'shop', '--max-warnings', '2'], dir).code).toBe(0);
        const bad = runCli(['check', 'shop', '--max-warnings', 'many'], dir);
        expect([bad.code, bad.stderr]).toEqual([2, "archsight check: --max-warnings takes a whole number of 0 or more, not 'many'.\n"]);
    });

    test('--rule id=severity, repeatable', () => {
        const r = runCli(['check', 'shop', '--rule', 'missing-timeout=error', '--rule', 'shared-database=off'], dir);
        expect(r.stdout).toContain('error  Call \'orders\' → \'payments\'');
        expect(r.stdout).not.toContain('shared-database');
        expect(r.code).toBe(1);
        expect(runCli(['check', 'cycle', '--rule', 'sync-cycle=off'], dir).code).toBe(0);
    });

    test('an unknown rule or severity is a usage error with one line', () => {
        const rule = runCli(['check', 'shop', '--rule', 'shared-databse=off'], dir);
        expect([rule.code, rule.stderr]).toEqual([2, "archsight check: Unknown rule 'shared-databse' in --rule. Did you mean 'shared-database'?\n"]);
        const severity = runCli(['check', 'shop', '--rule', 'shared-database=fatal'], dir);
        expect([severity.code, severity.stderr]).toEqual([2, "archsight check: Unknown severity 'fatal' in --rule shared-database=fatal; use one of off, info, warning, error.\n"]);
    });

    test('the config file is found by walking up from each file', () => {
        const r = runCli(['check', 'configured'], dir);
        expect(r.stdout).toContain('configured/nested/shop.arch:7:3  error  Call');
        expect(r.stdout).not.toContain('shared-database');
        expect(r.code).toBe(1);
    });

    test('--config names the config for every file; a missing one is an I/O error', () => {
        const r = runCli(['check', 'shop', '--config', 'strict.json'], dir);
        expect(r.stdout).toContain("shop/shop.arch:5:12  error  Database 'shopDb' is shared");
        expect(r.code).toBe(1);
        const missing = runCli(['check', 'shop', '--config', 'nope.json'], dir);
        expect([missing.code, missing.stderr]).toEqual([2, "archsight check: No such file or folder: 'nope.json'.\n"]);
    });

    test('a malformed config stops the check with exit 2 and points into it', () => {
        const r = runCli(['check', 'broken'], dir);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe('archsight check: broken/archsight.config.json:3:24: Unknown severity "loud"; use one of off, info, warning, error.\n');
    });

    test('--format json carries the rule ids', () => {
        const r = runCli(['check', 'shop', '--format', 'json'], dir);
        const [file] = JSON.parse(r.stdout);
        expect(file.diagnostics.map((d: { code: string }) => d.code)).toEqual(['shared-database', 'missing-timeout']);
    });
});

describe('--format sarif', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    // CommonJS packages: under NodeNext the default import is the module object, whose `default` is the export.
    const ajv = new AjvModule.default({ allErrors: true, strict: false });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(schema);

    test('validates against the SARIF 2.1.0 schema, with rules, help links, locations and related locations', () => {
        const r = runCli(['check', 'shop', 'cycle', '--format', 'sarif'], dir);
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout);
        const valid = validate(log);
        expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
        expect(valid).toBe(true);

        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('archsight');
        expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(BUILTIN_RULES.map(rule => rule.id));
        expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'shared-database')).toEqual({
            id: 'shared-database',
            name: 'SharedDatabase',
            shortDescription: { text: 'A database or cache without an owner is used by two or more services.' },
            fullDescription: { text: expect.stringContaining('Services that share a database share its schema') },
            help: { text: expect.any(String), markdown: expect.stringContaining('`owner`') },
            helpUri: 'https://github.com/archsight/archsight/blob/main/docs/rules/shared-database.md',
            defaultConfiguration: { level: 'warning' },
            properties: { tags: ['architecture', 'coupling'] },
        });
        const shared = run.results.find((result: { ruleId: string }) => result.ruleId === 'shared-database');
        expect(shared).toEqual({
            ruleId: 'shared-database',
            ruleIndex: BUILTIN_RULES.findIndex(rule => rule.id === 'shared-database'),
            level: 'warning',
            message: { text: "Database 'shopDb' is shared by 2 services: 'orders' and 'payments'." },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'shop/shop.arch', uriBaseId: 'SRCROOT' }, region: { startLine: 5, startColumn: 12, endLine: 5, endColumn: 18 } } }],
            partialFingerprints: { 'archsightFingerprint/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
            relatedLocations: [
                { id: 1, physicalLocation: { artifactLocation: { uri: 'shop/shop.arch', uriBaseId: 'SRCROOT' }, region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 19 } }, message: { text: "'orders' uses 'shopDb'" } },
                { id: 2, physicalLocation: { artifactLocation: { uri: 'shop/shop.arch', uriBaseId: 'SRCROOT' }, region: { startLine: 9, startColumn: 3, endLine: 9, endColumn: 21 } }, message: { text: "'payments' uses 'shopDb'" } },
            ],
        });
        expect(run.results.find((result: { ruleId: string }) => result.ruleId === 'sync-cycle').level).toBe('error');
        expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/\/.*\/$/);
    });

    test('language errors become results of their own catalogue entries, and still validate', () => {
        writeFileSync(path.join(dir, 'typo.arch'), 'architecture "T" {\n  service a\n  a -> b\n}\n');
        const log = JSON.parse(runCli(['check', 'typo.arch', '--format', 'sarif'], dir).stdout);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const ruleIds = new Set(BUILTIN_RULES.map(rule => rule.id));
        const result = log.runs[0].results.find((r: { ruleId: string }) => !ruleIds.has(r.ruleId));
        expect(result.ruleId).toBe('unknown-reference');
        expect(log.runs[0].tool.driver.rules[result.ruleIndex]).toMatchObject({ id: 'unknown-reference', defaultConfiguration: { level: 'error' } });
        expect(result.level).toBe('error');
        expect(log.runs[0].tool.driver.rules[result.ruleIndex]).toMatchObject({
            fullDescription: { text: expect.stringContaining('not declared in the file or its imports') },
            help: { markdown: expect.stringContaining('docs/language.md#what-validation-reports') },
            helpUri: 'https://github.com/archsight/archsight/blob/main/docs/language.md#what-validation-reports',
        });
    });

    test('invocations: the command line, success, and a notification when there are more warnings than allowed', () => {
        const quiet = JSON.parse(runCli(['check', 'shop', '--format', 'sarif'], dir).stdout).runs[0].invocations;
        expect(quiet).toEqual([{ executionSuccessful: true, commandLine: 'archsight check shop --format sarif', workingDirectory: { uri: expect.stringMatching(/^file:\/\/\/.*\/$/) }, toolExecutionNotifications: [] }]);
        const r = runCli(['check', 'shop', '--format', 'sarif', '--max-warnings', '0'], dir);
        expect(r.code).toBe(1);
        const log = JSON.parse(r.stdout);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: 'warning', message: { text: expect.stringMatching(/^\d+ warnings, more than --max-warnings 0\.$/) } }]);
    });
});

describe('--format github', () => {
    test('one workflow annotation per finding', () => {
        const r = runCli(['check', 'shop', 'cycle', '--format', 'github'], dir);
        expect(r.stdout.split('\n')).toEqual([
            '::error file=cycle/cycle.arch,line=4,col=3,endLine=4,endColumn=9,title=sync-cycle::Synchronous call cycle: a → b → a.',
            "::warning file=shop/shop.arch,line=5,col=12,endLine=5,endColumn=18,title=shared-database::Database 'shopDb' is shared by 2 services: 'orders' and 'payments'.",
            "::warning file=shop/shop.arch,line=7,col=3,endLine=7,endColumn=21,title=missing-timeout::Call 'orders' → 'payments' has neither a timeout nor a circuit breaker: when 'payments' hangs, 'orders' hangs with it.",
            '',
        ]);
        expect(r.code).toBe(1);
    });

    test('escapes as the GitHub toolkit does', () => {
        expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
        expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    });
});
