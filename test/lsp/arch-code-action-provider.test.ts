import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, applyFix, check, codeActionsFor, createRuleTestServices, diagnosticsOf, findingsOf } from '../rules/rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('code actions for rule findings', () => {
    test('every finding can be suppressed with a comment at its indentation, and the finding goes away', async () => {
        const doc = await check(services, arch('  service a\n  service b\n  a -> b { timeout none }'));
        const [diagnostic] = diagnosticsOf(doc, 'missing-timeout');
        const actions = await codeActionsFor(services, doc, diagnostic);
        expect(actions.map(a => a.title)).toEqual([
            "Add a timeout and a circuit breaker to 'a' → 'b'",
            "Suppress 'missing-timeout' here with a comment",
        ]);
        expect(actions[0].isPreferred).toBe(true);
        const text = await applyFix(services, doc, diagnostic, /Suppress/);
        expect(text).toBe(arch('  service a\n  service b\n  // archsight-ignore missing-timeout: <reason>\n  a -> b { timeout none }'));
        expect(findingsOf(await check(services, text), 'missing-timeout')).toEqual([]);
    });

    test('diagnostics that are not rule findings get no rule actions', async () => {
        const doc = await check(services, arch('  service a\n  service a'));
        const actions = await codeActionsFor(services, doc, doc.diagnostics![0]);
        expect(actions).toEqual([]);
    });

    test('a finding that one root brings about on a file checked in another root is reported in that root, without fixes', async () => {
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const lib = factory.fromString('service pricing { replicas 1 }\n', URI.file('/ws/lib.arch'));
        // lib.arch is imported by two roots; it is checked in the first by URI, a.arch, which adds no callers.
        const other = factory.fromString('import "./lib.arch"\narchitecture "A" {\n  service x\n}\n', URI.file('/ws/a.arch'));
        const main = factory.fromString('import "./lib.arch"\narchitecture "M" {\n  service a\n  service b\n  service c\n  a -> pricing { timeout 1s }\n  b -> pricing { timeout 1s }\n  c -> pricing { timeout 1s }\n}\n', URI.file('/ws/main.arch'));
        for (const doc of [lib, other, main]) services.shared.workspace.LangiumDocuments.addDocument(doc);
        await services.shared.workspace.DocumentBuilder.build([lib, other, main], { validation: true });
        // lib.arch in a.arch's architecture does not show the smell, so main.arch reports it, on its first call to 'pricing'.
        expect(findingsOf(lib, 'single-replica')).toEqual([]);
        expect(findingsOf(main, 'single-replica')).toEqual([
            "6:3 warning 'pricing' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'. ('pricing' is declared in lib.arch.)",
        ]);
        // Its fix would edit lib.arch, so it is not offered; neither is a suppression comment here.
        expect(await codeActionsFor(services, main, diagnosticsOf(main, 'single-replica')[0])).toEqual([]);
    });

    test('a file imported by one root is checked in its architecture: the finding sits on its declaration, with its fix', async () => {
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const lib = factory.fromString('service pricing { replicas 1 }\n', URI.file('/ws/lib.arch'));
        const main = factory.fromString('import "./lib.arch"\narchitecture "M" {\n  service a\n  service b\n  service c\n  a -> pricing { timeout 1s }\n  b -> pricing { timeout 1s }\n  c -> pricing { timeout 1s }\n}\n', URI.file('/ws/main.arch'));
        services.shared.workspace.LangiumDocuments.addDocument(lib);
        services.shared.workspace.LangiumDocuments.addDocument(main);
        await services.shared.workspace.DocumentBuilder.build([lib, main], { validation: true });
        expect(findingsOf(main, 'single-replica')).toEqual([]);
        expect(findingsOf(lib, 'single-replica')).toEqual([
            "1:9 warning 'pricing' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'.",
        ]);
        expect((await codeActionsFor(services, lib, diagnosticsOf(lib, 'single-replica')[0])).length).toBeGreaterThan(0);
    });
});
