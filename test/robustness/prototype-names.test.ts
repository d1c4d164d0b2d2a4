import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import { parseConfigText } from '../../language-server/src/rules/config/parse-config.js';
import { parseRuleFlags } from '../../language-server/src/rules/config/rule-flags.js';
import { RuleRegistry } from '../../language-server/src/rules/rule-registry.js';
import { runCli } from '../helpers/cli.js';
import { arch, createTestServices, diagnosticLines } from '../helpers/services.js';

// Names from .arch and config files that a plain object answers from its prototype.
// Every table keyed by such names must hold them as names, nothing more.
const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

/** Services calling each other in a ring, each with a finding (stated to have no timeout) and a technology and protocol of the same name. */
const RING = arch([
    ...NAMES.map(name => `service ${name} : ${name}`),
    ...NAMES.map((name, i) => `${name} -> ${NAMES[(i + 1) % NAMES.length]} : ${name} { timeout none }`),
].join('\n'));

describe('element, technology and protocol names that are Object.prototype members', () => {
    test('are elements like any other: the rules find what they find in any ring of calls', async () => {
        const doc = await services.parse(RING, { validation: true });
        const lines = diagnosticLines(doc);
        expect(lines.filter(l => / error /.test(l) && !l.includes('[sync-cycle]'))).toEqual([]);
        for (const name of NAMES) expect(lines.filter(l => l.includes(`Call '${name}' → `) && l.endsWith('[missing-timeout]'))).toHaveLength(1);
    });

    test('the diagram request draws them, with their findings and what fails with them', async () => {
        const doc = await services.parse(RING, { validation: true });
        const response = await new DiagramHandler(services.shared).handle({ uri: doc.uri.toString(), view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false });
        expect(response.error).toBeUndefined();
        NAMES.forEach((name, i) => {
            expect(response.diagram!.svg).toContain(`data-id="${name}"`);
            // The missing timeout is a finding of the call, keyed by the relation's id.
            const call = `${name}->${NAMES[(i + 1) % NAMES.length]}`;
            expect(response.findings![call]?.map(f => f.code)).toContain('missing-timeout');
        });
        // Findings are keyed by each call (no timeout) and each service (called, with no health check).
        expect(Object.keys(response.findings!).sort()).toEqual([...NAMES, ...NAMES.map((name, i) => `${name}->${NAMES[(i + 1) % NAMES.length]}`)].sort());
        // Every service hangs with the ring: each has a blast radius of its own.
        expect(Object.keys(response.blastRadius ?? {}).sort()).toEqual([...NAMES].sort());
        expect(Object.getPrototypeOf(response.findings)).toBeNull();
    });

    test('the CLI checks and renders them', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'archsight-proto-'));
        writeFileSync(path.join(folder, 'ring.arch'), RING);
        const check = runCli(['check', 'ring.arch'], folder);
        expect(check.stderr).toBe('');
        expect(check.code).toBe(1); // the ring is a synchronous call cycle, an error
        expect(check.stdout.match(/\[missing-timeout\]/g)).toHaveLength(NAMES.length);
        const render = runCli(['render', 'ring.arch', '-o', 'ring.svg'], folder);
        expect(render.stderr).not.toMatch(/TypeError|is not a function|    at /);
        const svg = readFileSync(path.join(folder, 'ring.svg'), 'utf8');
        for (const name of NAMES) expect(svg).toContain(`data-id="${name}"`);
    });
});

describe('rule settings named like Object.prototype members', () => {
    const registry = new RuleRegistry();
    test.each(NAMES)('a threshold named %s is reported, not accepted', name => {
        const { settings, problems } = parseConfigText(JSON.stringify({ rules: { 'deep-sync-chain': { [name]: 3 } } }), registry);
        expect(problems.map(p => p.message)).toEqual([`Rule 'deep-sync-chain' has no setting '${name}'; it takes "severity" and "maxDepth".`]);
        expect(Object.keys(settings['deep-sync-chain']?.thresholds ?? {})).toEqual([]);
    });

    test.each(NAMES)('a rule named %s is unknown, in the config file and in --rule', name => {
        const { problems } = parseConfigText(JSON.stringify({ rules: { [name]: 'off' } }), registry);
        expect(problems.map(p => p.message)).toEqual([expect.stringMatching(new RegExp(`^Unknown rule '${name.replace(/[$]/g, '\\$&')}'\\.`))]);
        expect(() => parseRuleFlags([`${name}=off`], registry)).toThrow(`Unknown rule '${name}' in --rule.`);
    });

    test.each(NAMES)('a CLI command named %s is unknown', name => {
        const result = runCli([name]);
        expect(result.stderr).not.toMatch(/TypeError|is not a function|at /);
        expect(result.code).toBe(2);
    });
});
