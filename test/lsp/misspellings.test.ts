import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { diagnosticLines } from '../helpers/services.js';
import { applyFix, arch, check, codeActionsFor, createRuleTestServices } from '../rules/rule-test-kit.js';

// A slip of the keyboard is one error that says what was meant, with a fix; the rest of
// the file is still read, so it brings no errors of its own and the diagram keeps it.
const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = (line: string) => arch(`  service orders : go { timeout 1s replicas 2 }\n  database ordersDb : postgres\n${line}\n  orders -> ordersDb { timeout 1s }`);

/** The diagnostics that are errors, one per line. */
async function errorsOf(text: string): Promise<string[]> {
    return diagnosticLines(await check(services, text)).filter(line => line.includes(' error '));
}

async function modelOf(text: string) {
    const doc = await check(services, text);
    return services.Arch.model.ModelProvider.getModel(doc);
}

describe('misspelt keywords', () => {
    test("ids close to a property key are left alone in flows, parallel blocks, views and meta (near misses of 'misspelt property')", async () => {
        const text = arch([
            '  client reader : browser',
            '  gateway lb : nginx',
            '  service portal : java { meta { lb "shared" tier "1" } }',
            '  reader -> lb : https { timeout 5s }',
            '  lb -> portal : http { timeout 5s }',
            '  view front { include reader, lb, portal }',
            '  flow open "Open the portal" {',
            '    reader -> lb',
            '    parallel {',
            '      lb -> portal',
            '    }',
            '  }',
        ].join('\n'));
        expect(await errorsOf(text)).toEqual([]);
        const model = await modelOf(text);
        expect(model.flows.get('open')?.steps.map(s => s.relationId)).toEqual(['reader->lb', 'lb->portal']);
        expect(model.elements.get('portal')?.meta).toEqual({ lb: 'shared', tier: '1' });
    });

    test('a misspelt kind is one error with "did you mean", and the element is still declared', async () => {
        const text = SHOP('  servce payments : java');
        expect(await errorsOf(text)).toEqual(["4:3 error Unknown kind 'servce'. Did you mean 'service'?"]);
        expect((await modelOf(text)).elements.get('payments')?.kind).toBe('service');
    });

    test('a misspelt property in a body is one error, and the rest of the file is still read', async () => {
        const text = arch('  service orders : go { replicaz 3 }\n  database ordersDb : postgres\n  orders -> ordersDb { timout 1s }');
        expect(await errorsOf(text)).toEqual([
            "2:25 error Unknown property 'replicaz'. Did you mean 'replicas'?",
            "4:24 error Unknown property 'timout'. Did you mean 'timeout'?",
        ]);
        const model = await modelOf(text);
        expect(model.elements.get('orders')?.properties.replicas).toBe(3);
        expect([...model.elements.keys()]).toEqual(['orders', 'ordersDb']);
        expect(model.relations).toHaveLength(1);
    });

    test('a misspelt group kind, trigger and architecture keyword are read as meant', async () => {
        expect(await errorsOf('architecure "Shop" {\n  sytem shop { service a }\n  function f { triger a }\n}\n')).toEqual([
            "1:1 error Unknown keyword 'architecure'. Did you mean 'architecture'?",
            "2:3 error Unknown kind 'sytem'. Did you mean 'system'?",
            "3:16 error Unknown keyword 'triger'. Did you mean 'trigger'?",
        ]);
    });

    test('near misses: a word close to no keyword stays a syntax error, and correct files get no such error', async () => {
        expect(await errorsOf(SHOP('  frobnicator payments'))).toEqual([
            "4:15 error Unexpected 'payments': expected '->', '~>' or '..>'.",
            "4:3 error Unknown element 'frobnicator'. Declare it, or import the file that declares it. [unknown-reference]",
            "4:15 error Unknown element 'payments'. Declare it, or import the file that declares it. [unknown-reference]",
        ]);
        // Ids that look like keywords are left alone where an id, a value or a technology belongs.
        expect(await errorsOf(SHOP('  service pay : java {\n    sidecar proxy : envoy-replica\n    sidecar js : node.helth\n    exposure publc\n  }'))).toEqual([
            "7:14 error 'exposure' takes one of public, internal, private, not 'publc'. [invalid-property]",
        ]);
        expect(await errorsOf(SHOP('  service servce : java { exposure publik }\n  servce -> ordersDb'))).toEqual([
            "4:36 error 'exposure' takes one of public, internal, private, not 'publik'. [invalid-property]",
        ]);
    });
});

describe('stray characters', () => {
    test('=> is read as -> and gets a message that names the arrows', async () => {
        const text = SHOP('  orders => ordersDb');
        expect(await errorsOf(text)).toEqual([
            "4:10 error '=>' is not an arrow: write '->' for a call, '~>' for a message or '..>' for an observability link.",
        ]);
        expect((await modelOf(text)).relations.map(r => `${r.sourceId} ${r.kind} ${r.targetId}`)).toEqual(['orders sync ordersDb', 'orders sync ordersDb']);
    });

    test('other characters are named in our words', async () => {
        expect(await errorsOf(SHOP('  database cache : redis $'))).toEqual([
            "4:26 error Unexpected character '$'.",
        ]);
    });
});

describe('"did you mean" quick fixes', () => {
    test.each([
        ['an unknown reference', SHOP('  orders -> ordrsDb { timeout 1s }'), SHOP('  orders -> ordersDb { timeout 1s }')],
        ['a misspelt kind', SHOP('  servce payments : java'), SHOP('  service payments : java')],
        ['a misspelt property', SHOP('  database cache : redis { replicaz 2 }'), SHOP('  database cache : redis { replicas 2 }')],
    ])('%s is fixed by writing the word meant', async (_what, text, fixed) => {
        const doc = await check(services, text);
        const diagnostic = doc.diagnostics!.find(d => String(d.message).includes('Did you mean'))!;
        const actions = await codeActionsFor(services, doc, diagnostic);
        expect(actions[0]).toMatchObject({ title: expect.stringMatching(/^Change to '\w+'$/), isPreferred: true });
        expect(await applyFix(services, doc, diagnostic, /^Change to/)).toBe(fixed);
    });

    test('a message without a suggestion gets no such fix', async () => {
        const doc = await check(services, SHOP('  orders -> zzzzzzzz'));
        const diagnostic = doc.diagnostics!.find(d => String(d.message).includes("Unknown element 'zzzzzzzz'"))!;
        expect((await codeActionsFor(services, doc, diagnostic)).map(a => a.title)).not.toContainEqual(expect.stringMatching(/^Change to/));
    });
});
