import AjvModule from 'ajv';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareChoices, refusedTarget, RESTRICTED_GIT } from '../../extension/src/compare/compare-choices.js';
import { REPO, runCli } from '../helpers/cli.js';

// What package.json contributes to VS Code besides the extension's code: the config schema,
// the problem matcher, the snippets and Restricted Mode.
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const schemaPath = path.join(REPO, 'schemas/archsight.config.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const validate = new AjvModule.default({ allErrors: true, strict: false }).compile(schema);

describe('the archsight.config.json schema', () => {
    test('is what the rule registry generates today, and VS Code validates the config file with it', () => {
        const check = spawnSync(process.execPath, [path.join(REPO, 'scripts/generate-config-schema.mjs'), '--check'], { encoding: 'utf8' });
        expect(check.stderr).toBe('');
        expect(check.status).toBe(0);
        expect(pkg.contributes.jsonValidation).toEqual([{ fileMatch: 'archsight.config.json', url: './schemas/archsight.config.schema.json' }]);
        expect(Object.keys(schema.properties.rules.properties)).toEqual(JSON.parse(runCli(['rules', '--format', 'json']).stdout).map((rule: { id: string }) => rule.id));
    });

    test('accepts severities, thresholds and $schema', () => {
        expect(validate({ $schema: 'x', rules: { 'missing-timeout': 'error', 'deep-sync-chain': { severity: 'warning', maxDepth: 5 }, 'orphan-element': 'off' } })).toBe(true);
    });

    test.each([
        ['an unknown rule id', { rules: { 'missing-timeouts': 'error' } }],
        ['an unknown severity', { rules: { 'missing-timeout': 'fatal' } }],
        ['a threshold below its minimum', { rules: { 'deep-sync-chain': { maxDepth: 0 } } }],
        ['a threshold the rule does not have', { rules: { 'deep-sync-chain': { maxDepht: 3 } } }],
        ['an unknown top-level setting', { rule: {} }],
    ])('rejects %s', (_name, config) => {
        expect(validate(config)).toBe(false);
    });

    test('validates the config that archsight init writes, and the CLI accepts it', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'archsight-init-'));
        const init = runCli(['init'], folder);
        expect(init).toMatchObject({ code: 0, stdout: 'created archsight.config.json\ncreated architecture.arch\n' });
        const config = JSON.parse(readFileSync(path.join(folder, 'archsight.config.json'), 'utf8'));
        expect(validate(config)).toBe(true);
        expect(config.$schema).toBe(schema.$id);
        // The starter has no errors; the reviewer's warnings on it (health checks, observability) show what it does.
        const check = runCli(['check', '.'], folder);
        expect(check.code).toBe(0);
        expect(check.stdout).toMatch(/\(0 errors, \d+ warnings?\) in 1 file\.\n$|^✓ 1 file checked, no problems\.\n$/);
        expect(runCli(['init'], folder).stdout).toBe('kept archsight.config.json (it exists)\nkept architecture.arch (it exists)\n');
    });
});

describe('the $archsight problem matcher', () => {
    test('reads every line of archsight check\'s text output, with or without a rule id', () => {
        const [matcher] = pkg.contributes.problemMatchers;
        expect(matcher.name).toBe('archsight');
        const pattern = new RegExp(matcher.pattern.regexp);
        const output = runCli(['check', 'samples/']).stdout.trimEnd().split('\n');
        const problems = output.slice(0, -1);
        expect(problems.length).toBeGreaterThan(5);
        for (const line of problems) {
            const match = pattern.exec(line);
            expect(match, line).not.toBeNull();
            expect(existsSync(path.join(REPO, match![matcher.pattern.file]))).toBe(true);
            expect(['error', 'warning', 'info', 'hint']).toContain(match![matcher.pattern.severity]);
        }
        expect(pattern.exec("a b.arch:2:11  error  Unknown element 'x'. Declare it.  [unknown-reference]")?.slice(1)).toEqual(['a b.arch', '2', '11', 'error', "Unknown element 'x'. Declare it.", 'unknown-reference']);
        expect(pattern.exec('x.arch:1:1  error  Unexpected end of input.')?.[6]).toBeUndefined();
        expect(pattern.test(output.at(-1)!)).toBe(false);
    });
});

describe('snippets', () => {
    const snippets: Record<string, { prefix: string; body: string[] }> = JSON.parse(readFileSync(path.join(REPO, 'extension/snippets/arch.code-snippets'), 'utf8'));

    test('are contributed for the arch language', () => {
        expect(pkg.contributes.snippets).toEqual([{ language: 'arch', path: './extension/snippets/arch.code-snippets' }]);
        expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(6);
    });

    test('expand, with their default placeholders, into an architecture without syntax errors', () => {
        // Each placeholder's default (the first choice of a choice); tabs as two spaces.
        const expand = (body: string[]) => body.join('\n')
            .replace(/\$\{\d+\|([^,|]+)[^|]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\t/g, '  ');
        const { architecture, 'Import': imported, ...others } = Object.fromEntries(Object.entries(snippets).map(([name, s]) => [name === 'Architecture' ? 'architecture' : name, expand(s.body)]));
        expect(imported).toBe('import "./shared.arch"');
        const body = Object.values(others).map(text => text.replace(/\b(source|target|bus)\b/g, id => ({ source: 'orders', target: 'orders2', bus: 'events' })[id]!)).join('\n');
        const text = architecture.replace('\n  \n', `\n  service orders2\n  bus events : kafka\n${body}\n  service late\n`);
        expect(text).toContain('orders -> orders2 : rest { timeout 2s retries 2 breaker }');
        const folder = mkdtempSync(path.join(tmpdir(), 'archsight-snippets-'));
        const file = path.join(folder, 'snippets.arch');
        writeFileSync(file, text);
        const run = runCli(['check', file, '--quiet', '--format', 'json']);
        expect(JSON.parse(run.stdout).flatMap((f: { diagnostics: unknown[] }) => f.diagnostics), text).toEqual([]);
    });
});

describe('Restricted Mode', () => {
    test('is supported in part: the workspace\'s archsight.rules setting is not applied there', () => {
        expect(pkg.capabilities.untrustedWorkspaces).toMatchObject({ supported: 'limited', restrictedConfigurations: ['archsight.rules'] });
        expect(pkg.contributes.configuration.properties['archsight.rules']).toBeDefined();
        expect(pkg.capabilities.untrustedWorkspaces.description).toMatch(/git revision/);
    });

    test('offers only another file to compare with: git would read the repository\'s own configuration', () => {
        expect(compareChoices(true).map(c => c.choice)).toEqual(['head', 'branch', 'file']);
        expect(compareChoices(false).map(c => c.choice)).toEqual(['file']);
        expect(refusedTarget({ kind: 'revision', revision: 'HEAD' }, false)).toBe(RESTRICTED_GIT);
        expect(refusedTarget({ kind: 'file', uri: 'file:///a.arch' }, false)).toBeUndefined();
        expect(refusedTarget({ kind: 'revision', revision: 'HEAD' }, true)).toBeUndefined();
    });
});

describe('the walkthrough and the commands', () => {
    const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));

    test('every step has its page, and every command it names is contributed (or built in)', () => {
        const [walkthrough] = pkg.contributes.walkthroughs;
        expect(walkthrough.steps.length).toBeGreaterThanOrEqual(3);
        for (const step of walkthrough.steps) {
            expect(existsSync(path.join(REPO, step.media.markdown)), step.media.markdown).toBe(true);
            const named = [...`${step.description} ${step.completionEvents.join(' ')}`.matchAll(/(?:command:|onCommand:)([\w.]+)/g)].map(m => m[1]);
            for (const command of named) expect(command.startsWith('workbench.') || commands.has(command), command).toBe(true);
        }
        const vscodeignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
        expect(vscodeignore).toContain('!extension/walkthrough/**');
    });

    test('the extension registers every command it contributes', () => {
        const folder = path.join(REPO, 'extension/src');
        const sources = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter(file => file.endsWith('.ts'))
            .map(file => readFileSync(path.join(folder, file), 'utf8')).join('\n');
        for (const command of commands) expect(sources, command).toContain(`'${command}'`);
    });
});
