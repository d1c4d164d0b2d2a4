import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { clearDocuments } from 'langium/test';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';
import { parseConfigText } from '../../language-server/src/rules/config/parse-config.js';
import { parseRuleFlags } from '../../language-server/src/rules/config/rule-flags.js';
import { RuleRegistry } from '../../language-server/src/rules/rule-registry.js';
import { diagnosticsOf, findingsOf } from './rule-test-kit.js';

const registry = new RuleRegistry();
const CALL = 'architecture "T" {\n  client web\n  gateway edge { timeout 1s }\n  service a\n  service b\n  service c\n  service d\n  web -> edge\n  edge -> a\n  a -> b { timeout none breaker none }\n  b -> c { timeout 1s }\n  c -> d { timeout 1s }\n}\n';

describe('parsing archsight.config.json', () => {
    test('severities and thresholds, with comments and trailing commas as in tsconfig', () => {
        const { settings, problems } = parseConfigText('{\n  // stricter in CI\n  "rules": {\n    "missing-timeout": "error",\n    "deep-sync-chain": { "severity": "info", "maxDepth": 6 },\n  },\n}', registry);
        expect(problems).toEqual([]);
        expect(settings).toEqual({ 'missing-timeout': { severity: 'error' }, 'deep-sync-chain': { severity: 'info', thresholds: { maxDepth: 6 } } });
    });

    test('each mistake points at its line and column', () => {
        const text = '{\n  "rules": {\n    "missing-timout": "error",\n    "sync-cycle": "warn",\n    "deep-sync-chain": { "maxDepth": 0, "depth": 3 },\n    "orphan-element": 3\n  },\n  "rule": {}\n}';
        const { problems } = parseConfigText(text, registry, 'file:///repo/archsight.config.json');
        expect(problems.map(p => `${p.line}:${p.column} ${p.message}`)).toEqual([
            "3:5 Unknown rule 'missing-timout'. Did you mean 'missing-timeout'?",
            '4:19 Unknown severity "warn"; use one of off, info, warning, error.',
            "5:38 'maxDepth' of rule 'deep-sync-chain' must be a whole number of at least 1.",
            "5:41 Rule 'deep-sync-chain' has no setting 'depth'; it takes \"severity\" and \"maxDepth\".",
            "6:23 Rule 'orphan-element' takes a severity (off, info, warning, error) or an object with \"severity\" and thresholds.",
            `8:3 Unknown setting 'rule'; the configuration has "rules".`,
        ]);
    });

    test('broken JSON is an error at the place it breaks, not an empty configuration', () => {
        const { problems } = parseConfigText('{\n  "rules": {\n    "sync-cycle": "off"\n    "orphan-element": "off"\n  }\n}', registry);
        expect(problems.map(p => `${p.line}:${p.column} ${p.message}`)).toEqual(["4:5 Invalid JSON: expected ','."]);
    });

    test('--rule flags', () => {
        expect(parseRuleFlags(['missing-timeout=error', 'orphan-element=off'], registry)).toEqual({ 'missing-timeout': { severity: 'error' }, 'orphan-element': { severity: 'off' } });
        expect(() => parseRuleFlags(['missing-timeout=fatal'], registry)).toThrow("Unknown severity 'fatal' in --rule missing-timeout=fatal; use one of off, info, warning, error.");
        expect(() => parseRuleFlags(['sync-cycles=off'], registry)).toThrow("Unknown rule 'sync-cycles' in --rule. Did you mean 'sync-cycle'?");
        expect(() => parseRuleFlags(['missing-timeout'], registry)).toThrow('--rule takes id=severity');
    });
});

describe('finding the config file and applying it', () => {
    let root: string;
    let services: ReturnType<typeof createArchServices>;
    beforeEach(() => {
        root = mkdtempSync(path.join(tmpdir(), 'archsight-config-'));
        services = createArchServices(NodeFileSystem);
    });
    afterEach(() => clearDocuments(services.shared));

    const write = (name: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
    };
    const checkFile = async (name: string): Promise<LangiumDocument> => {
        const doc = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.join(root, name)));
        await services.shared.workspace.DocumentBuilder.build([doc], { validation: true });
        return doc;
    };

    test('the nearest config above the file applies: severity and thresholds', async () => {
        write('archsight.config.json', '{ "rules": { "missing-timeout": "error" } }');
        write('team/archsight.config.json', '{ "rules": { "missing-timeout": "off", "deep-sync-chain": { "maxDepth": 3 } } }');
        write('team/deep/down/shop.arch', CALL);
        write('other/shop.arch', CALL);
        const near = await checkFile('team/deep/down/shop.arch');
        expect(findingsOf(near, 'missing-timeout')).toEqual([]);
        expect(findingsOf(near, 'deep-sync-chain')).toEqual(['11:3 warning Synchronous call chain of 5 hops (more than 3): web → edge → a → b → c → d.']);
        const far = await checkFile('other/shop.arch');
        expect(findingsOf(far, 'missing-timeout')).toEqual(["10:3 error Call 'a' → 'b' has neither a timeout nor a circuit breaker: when 'b' hangs, 'a' hangs with it."]);
        expect(findingsOf(far, 'deep-sync-chain')).toEqual(['12:3 warning Synchronous call chain of 5 hops (more than 4): web → edge → a → b → c → d.']);
    });

    test('no config: the defaults', async () => {
        write('shop.arch', CALL);
        expect(findingsOf(await checkFile('shop.arch'), 'missing-timeout')).toHaveLength(1);
    });

    test('a malformed config is an error on the document that points into the config', async () => {
        write('archsight.config.json', '{\n  "rules": { "missing-timeout": "loud" }\n}');
        write('src/shop.arch', CALL);
        const doc = await checkFile('src/shop.arch');
        const [problem] = diagnosticsOf(doc, 'config-error');
        expect(problem.message).toBe('../archsight.config.json:2:33: Unknown severity "loud"; use one of off, info, warning, error.');
        expect(problem.relatedInformation?.[0].location).toEqual({
            uri: URI.file(path.join(root, 'archsight.config.json')).toString(),
            range: { start: { line: 1, character: 32 }, end: { line: 1, character: 38 } },
        });
        // The rest of the configuration and the defaults still apply, loudly rather than silently.
        expect(findingsOf(doc, 'missing-timeout')).toHaveLength(1);
    });

    test('the archsight.rules editor setting overrides the file', async () => {
        write('archsight.config.json', '{ "rules": { "missing-timeout": "error" } }');
        write('shop.arch', CALL);
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { archsight: { rules: { 'missing-timeout': 'info', 'no-such-rule': 'off' } } } });
        const doc = await checkFile('shop.arch');
        expect(findingsOf(doc, 'missing-timeout')).toEqual(["10:3 info Call 'a' → 'b' has neither a timeout nor a circuit breaker: when 'b' hangs, 'a' hangs with it."]);
        expect(diagnosticsOf(doc, 'config-error').map(d => d.message)).toEqual(["Setting archsight.rules: Unknown rule 'no-such-rule'."]);
    });
});
