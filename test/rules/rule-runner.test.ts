import { Cancellation, OperationCancelled, setInterruptionPeriod } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveRules } from '../../language-server/src/rules/config/rule-settings.js';
import { element } from '../../language-server/src/rules/finding.js';
import { explainFindings } from '../../language-server/src/rules/explain-findings.js';
import { missingTimeout } from '../../language-server/src/rules/resilience/missing-timeout.js';
import type { Rule } from '../../language-server/src/rules/rule.js';
import { RuleRegistry } from '../../language-server/src/rules/rule-registry.js';
import { RuleRunner } from '../../language-server/src/rules/rule-runner.js';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

const modelOf = async (text: string) => services.Arch.model.ModelProvider.getModel(await check(services, text));
const CALL = arch('  service a\n  service b\n  a -> b { timeout none breaker none }');

describe('the rule runner', () => {
    test('a rule that throws becomes an internal-error finding; the other rules still report', async () => {
        const broken: Rule = { ...missingTimeout, id: 'broken', check: () => { throw new Error('boom'); } };
        const registry = new RuleRegistry([broken, missingTimeout]);
        const findings = new RuleRunner().run(await modelOf(CALL), { rules: resolveRules(registry, []), problems: [] });
        expect(findings.map(f => `${f.ruleId} ${f.severity} ${f.message.slice(0, 40)}`)).toEqual([
            "internal-error error Internal error in rule 'broken': boom",
            "missing-timeout warning Call 'a' → 'b' has neither a timeout nor",
        ]);
    });

    test('off rules do not run; severities come from the configuration', async () => {
        const registry = new RuleRegistry([missingTimeout]);
        const runner = new RuleRunner();
        const model = await modelOf(CALL);
        expect(runner.run(model, { rules: resolveRules(registry, [{ 'missing-timeout': { severity: 'off' } }]), problems: [] })).toEqual([]);
        expect(runner.run(model, { rules: resolveRules(registry, [{ 'missing-timeout': { severity: 'error' } }]), problems: [] })[0].severity).toBe('error');
    });

    test('a comment naming another rule does not suppress; one naming several does', async () => {
        const other = await check(services, arch('  service a\n  service b\n  // archsight-ignore sync-cycle\n  a -> b { timeout none }'));
        expect(diagnosticsOf(other, 'missing-timeout')).toHaveLength(1);
        const both = await check(services, arch('  service a\n  service b\n  // archsight-ignore sync-cycle, missing-timeout: same process\n  a -> b { timeout none }'));
        expect(diagnosticsOf(both, 'missing-timeout')).toHaveLength(0);
    });

    test('a suppression naming an unknown rule is an error; one that silences nothing is reported', async () => {
        const doc = await check(services, arch('  service a\n  service b\n  // archsight-ignore missing-timout\n  a -> b { timeout none }\n  // archsight-ignore sync-cycle: stale\n  b -> a { timeout 1s }'));
        expect(findingsOf(doc, 'unknown-suppression')).toEqual([
            "5:3 error archsight-ignore names an unknown rule 'missing-timout'. Did you mean 'missing-timeout'?",
        ]);
        // The cycle a → b → a is reported on a -> b: the comment above b -> a suppresses nothing.
        expect(findingsOf(doc, 'unused-suppression')).toEqual([
            "7:3 warning archsight-ignore sync-cycle suppresses nothing here: the rule finds nothing on 'b->a'. Remove the comment.",
        ]);
        // Near miss: a suppression that silences a finding, and one of a rule that is off, are not reported.
        const used = await check(services, arch('  service a\n  service b\n  // archsight-ignore missing-timeout, unverified\n  a -> b { timeout none }'));
        expect([...findingsOf(used, 'unused-suppression'), ...findingsOf(used, 'unknown-suppression')]).toEqual([]);
    });

    test('past 25 findings of one rule in one file, the rest are counted in one', async () => {
        const many = Array.from({ length: 30 }, (_, i) => `  service s${i} { secrets literal }`).join('\n');
        const findings = findingsOf(await check(services, arch(many)), 'hardcoded-secret');
        expect(findings).toHaveLength(26);
        expect(findings[25]).toMatch(/^27:11 error 's25' has its credentials .* \(And 4 more 'hardcoded-secret' findings in this file, 30 in all, not listed one by one\.\)$/);
        // Near miss: 25 are listed one by one.
        expect(findingsOf(await check(services, arch(many.split('\n').slice(0, 25).join('\n'))), 'hardcoded-secret')).toHaveLength(25);
    });

    test('in slices: the same findings, the event loop gets turns between the rules, and a cancelled build stops it', async () => {
        const model = await modelOf(arch('  service a\n  service b\n  service c\n  a -> b\n  b -> c\n  c -> a'));
        const config = { rules: resolveRules(services.Arch.rules.RuleRegistry, []), problems: [] };
        const whole = new RuleRunner().run(model, config);
        expect(whole.length).toBeGreaterThan(2);
        setInterruptionPeriod(0); // yield at every chance, so the turns do not depend on the machine's speed
        try {
            let turns = 0;
            let counting = true;
            const count = () => { if (counting) { turns++; setImmediate(count); } };
            setImmediate(count);
            const sliced = await new RuleRunner().runInSlices(model, config, new Cancellation.CancellationTokenSource().token);
            counting = false;
            expect(sliced).toEqual(whole);
            expect(turns).toBeGreaterThan(config.rules.length / 2);
            const cancelled = new Cancellation.CancellationTokenSource();
            cancelled.cancel();
            await expect(new RuleRunner().runInSlices(model, config, cancelled.token)).rejects.toBe(OperationCancelled);
        } finally {
            setInterruptionPeriod(10);
        }
    });
});

describe('rule diagnostics', () => {
    test('carry the rule id as code, a link to its page, related places and the quick-fix data', async () => {
        const doc = await check(services, arch('  service a { replicas 1 }\n  service b\n  service c\n  service d\n  b -> a { timeout 1s }\n  c -> a { timeout 1s }\n  d -> a { timeout 1s }'));
        const [d] = diagnosticsOf(doc, 'single-replica');
        expect(d.codeDescription).toEqual({ href: 'https://github.com/archsight/archsight/blob/main/docs/rules/single-replica.md' });
        expect(d.relatedInformation?.map(r => r.location.uri)).toEqual([doc.uri.toString(), doc.uri.toString(), doc.uri.toString()]);
        expect(d.data).toEqual({
            code: 'single-replica', target: element('a'),
            fixes: [{ kind: 'set-properties', title: "Run 'a' with 2 replicas", target: element('a'), properties: [{ key: 'replicas', value: '2' }] }],
            // The fingerprint's subject: the target, then the related places by id (see diff/fingerprint.ts).
            subject: ['element:a', 'relation:b->a', 'relation:c->a', 'relation:d->a'],
        });
    });

    test('findings on imported declarations are reported in their own file', async () => {
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const { URI } = await import('langium');
        const lib = factory.fromString('service a\nservice b\na -> b { timeout none }\n', URI.file('/ws/lib.arch'));
        const main = factory.fromString('import "./lib.arch"\narchitecture "M" {\n  client web\n  web -> a\n}\n', URI.file('/ws/main.arch'));
        services.shared.workspace.LangiumDocuments.addDocument(lib);
        services.shared.workspace.LangiumDocuments.addDocument(main);
        await services.shared.workspace.DocumentBuilder.build([lib, main], { validation: true });
        expect(diagnosticsOf(main, 'missing-timeout')).toEqual([]);
        expect(diagnosticsOf(lib, 'missing-timeout')).toHaveLength(1);
    });
});

describe('explainFindings', () => {
    test('the message, the rule explanation and the page link of each finding on an id', async () => {
        const model = await modelOf(CALL);
        const text = explainFindings(model, 'a->b');
        expect(text).toContain("**missing-timeout** (warning): Call 'a' → 'b' has neither a timeout nor a circuit breaker");
        expect(text).toContain(missingTimeout.explanation);
        expect(text).toContain('[More about missing-timeout](https://github.com/archsight/archsight/blob/main/docs/rules/missing-timeout.md)');
        expect(explainFindings(await modelOf(arch('service a { health "/healthz" }\nmetrics m\na ..> m')), 'a')).toBeUndefined();
    });
});
