import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { BUILTIN_RULES } from '../../language-server/src/rules/rule-registry.js';
import { arch, buildWorkspace, createTestServices, diagnosticLines as allDiagnosticLines } from '../helpers/services.js';
import type { LangiumDocument } from 'langium';

/** These tests are about the language's own checks; the anti-pattern rules have theirs. */
const RULE_CODES = new Set(BUILTIN_RULES.map(r => r.id));
function diagnosticLines(doc: LangiumDocument): string[] {
    return allDiagnosticLines(doc).filter(line => !RULE_CODES.has(/\[([a-z0-9-]+)\]$/.exec(line)?.[1] ?? ''));
}

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

/** The diagnostics of a document whose members are `body`, with the code given; line numbers count from the body's first line. */
async function problems(body: string, code?: string): Promise<string[]> {
    const doc = await services.parse(arch(body), { validation: true });
    return diagnosticLines(doc)
        .filter(line => code === undefined || line.endsWith(`[${code}]`))
        .map(line => line.replace(/^(\d+)/, (_, n) => String(Number(n) - 1)));
}

describe('references', () => {
    test('an unknown id suggests the nearest one', async () => {
        expect(await problems('service payments\nservice orders\norders -> paymnts')).toEqual([
            expect.stringMatching(/^3:11 error Unknown element 'paymnts'\. Did you mean 'payments'\?/),
        ]);
    });

    test('an unknown id with nothing near says how to fix it', async () => {
        expect(await problems('service orders\norders -> zzzzzzzz')).toEqual([
            expect.stringMatching(/Unknown element 'zzzzzzzz'\. Declare it, or import the file that declares it\./),
        ]);
    });

    test('a known id is silent', async () => {
        expect(await problems('service payments\nservice orders\norders -> payments { timeout 1s }')).toEqual([]);
    });
});

describe('duplicate ids', () => {
    test('a second declaration of an id is an error that points at the first', async () => {
        expect(await problems('service orders\ndatabase orders', 'duplicate-id')).toEqual([
            "2:10 error Duplicate id 'orders': it is already declared at line 2. Ids must be unique across an architecture and the files it imports. [duplicate-id]",
        ]);
    });

    test('a group and an element cannot share an id', async () => {
        expect(await problems('system shop { service shop }', 'duplicate-id')).toHaveLength(1);
    });

    test('distinct ids are silent', async () => {
        expect(await problems('service orders\ndatabase ordersDb', 'duplicate-id')).toEqual([]);
    });

    test('an id declared again in an imported file is reported in the importing file', async () => {
        const docs = await buildWorkspace(services, {
            'a.arch': 'import "./b.arch"\nservice orders',
            'b.arch': 'service orders',
        });
        expect(diagnosticLines(docs['a.arch'])).toEqual([expect.stringMatching(/^2:9 error Duplicate id 'orders': it is already declared at b\.arch:1/)]);
        expect(diagnosticLines(docs['b.arch'])).toEqual([]);
    });
});

describe('relation ends that do not fit the arrow', () => {
    test('an observability link to something that is not an observability element', async () => {
        expect(await problems('service orders\ndatabase db\norders ..> db', 'relation-ends')).toEqual([
            "3:12 error '..>' is an observability link, but 'db' is a database, not an observability back end or helper. Use '->' for a call or '~>' for a message. [relation-ends]",
        ]);
    });

    test('an observability link to a back end or helper is fine', async () => {
        expect(await problems('service orders\nmetrics prom\nshipper fb\norders ..> prom\norders ..> fb : logs')).toEqual([]);
    });

    test('an observability link into a bus that buffers the signal is fine', async () => {
        expect(await problems('shipper fb\nbus kafka { signal logs }\nfb ..> kafka', 'relation-ends')).toEqual([]);
        expect(await problems('shipper fb\nbus kafka\nfb ..> kafka', 'relation-ends')).toHaveLength(1);
    });

    test('an observability link carries only metrics, logs or traces', async () => {
        expect(await problems('service orders\nmetrics prom\norders ..> prom : http', 'unknown-signal')).toEqual([
            "3:19 error An observability link carries metrics, logs or traces, not 'http'. [unknown-signal]",
        ]);
    });

    test('a trigger into something that is not a function', async () => {
        expect(await problems('storage uploads\nservice thumbs { trigger uploads }', 'relation-ends')).toEqual([
            expect.stringMatching(/^2:26 error Only functions have triggers; 'thumbs' is a service\./),
        ]);
    });

    test('a trigger from a client is not a trigger', async () => {
        expect(await problems('client app\nfunction f { trigger app }', 'relation-ends')).toEqual([
            expect.stringMatching(/A client cannot trigger a function/),
        ]);
    });

    test('a trigger from storage into a function is fine', async () => {
        expect(await problems('storage uploads\nfunction thumbs { trigger uploads }', 'relation-ends')).toEqual([]);
    });

    test('a relation from an element to itself', async () => {
        expect(await problems('service a\na -> a', 'self-relation')).toEqual([
            "2:1 error A call from 'a' to itself: an element does not call itself. [self-relation]",
        ]);
    });

    test('calling a timer', async () => {
        expect(await problems('service a\ntimer nightly\na -> nightly', 'relation-ends')).toEqual([
            expect.stringMatching(/'nightly' is a timer: it fires on its schedule and cannot be called/),
        ]);
    });
});

describe('property values', () => {
    test.each([
        ['service a { replicas -1 }', "'replicas' must be at least 0, not -1."],
        ['service a { replicas 2.5 }', "'replicas' needs a whole number, not '2.5'."],
        ['a -> b { timeout 5 }', "'timeout' needs a duration such as 500ms, 2s, 1m or 1h, not '5'."],
        ['a -> b { timeout 5sec }', "'timeout' needs a duration such as 500ms, 2s, 1m or 1h, not '5sec'."],
        ['service a { exposure world }', "'exposure' takes one of public, internal, private, not 'world'."],
        ['service a { tls 3 }', "'tls' is a flag: write 'tls' alone, or 'tls true' / 'tls false', not '3'."],
        ['service a { port 70000 }', "'port' must be at most 65535, not 70000."],
        ['function f { memory lots }', "'memory' needs a size such as 512mb or 1gb, not 'lots'."],
    ])('%s', async (body, message) => {
        const all = await problems(`service b\n${body}`, 'invalid-property');
        expect(all.map(l => l.replace(/^\d+:\d+ /, ''))).toEqual([`error ${message} [invalid-property]`]);
    });

    test('valid values are silent', async () => {
        expect(await problems('service a { replicas 0 port 8080 exposure internal tls health "/healthz" }\nservice b\na -> b { timeout 250ms retries 3 breaker }')).toEqual([]);
    });

    test('a property set twice', async () => {
        expect(await problems('service a { replicas 2 replicas 3 }', 'duplicate-property')).toEqual([
            "1:24 warning 'replicas' is set twice; the first value counts. [duplicate-property]",
        ]);
    });

    test('a property that does not apply to the kind', async () => {
        expect(await problems('client web { replicas 2 }', 'property-fit')).toEqual([
            expect.stringMatching(/^1:14 warning 'replicas' does not apply to a client/),
        ]);
        expect(await problems('service a\nbus b\na ~> b { timeout 2s }', 'property-fit')).toEqual([
            expect.stringMatching(/'timeout' is a call policy and applies to synchronous calls \('->'\), not to messages\./),
        ]);
    });
});

describe('placement', () => {
    test('a layer outside a monolith', async () => {
        expect(await problems('system s { layer ui { component page } }', 'misplaced-declaration')).toEqual([
            "1:12 error Layer 'ui' must be declared inside a monolith. [misplaced-declaration]",
        ]);
        expect(await problems('monolith m { layer ui { component page } }', 'misplaced-declaration')).toEqual([]);
    });

    test('a control plane outside a mesh', async () => {
        expect(await problems('control-plane cp { component pilot }', 'misplaced-declaration')).toEqual([
            expect.stringMatching(/Control plane 'cp' must be declared inside a mesh/),
        ]);
        expect(await problems('mesh m { control-plane cp { component pilot } }', 'misplaced-declaration')).toEqual([]);
    });

    test('only sidecars nest inside elements', async () => {
        expect(await problems('service a { database db }', 'misplaced-declaration')).toEqual([
            "1:13 error Inside an element go its sidecars, a service's versions, and a dbserver's databases. Move database 'db' out of 'a'. [misplaced-declaration]",
        ]);
    });

    test('a sidecar declared on its own', async () => {
        expect(await problems('sidecar proxy : envoy', 'misplaced-declaration')).toEqual([
            expect.stringMatching(/^1:1 warning Sidecar 'proxy' runs beside a service: declare it inside that service's braces\./),
        ]);
    });

    test('an owner on something that is not a data store, and an owner that is not a service', async () => {
        expect(await problems('service a\nbus b { owner a }', 'misplaced-declaration')).toEqual([
            expect.stringMatching(/Only data stores \(database, cache, storage\) have an owner; 'b' is a bus\./),
        ]);
        expect(await problems('bus b\ndatabase db { owner b }', 'relation-ends')).toEqual([
            expect.stringMatching(/The owner of 'db' must be a service or function, not a bus\./),
        ]);
        expect(await problems('service a\ndatabase db { owner a }')).toEqual([]);
    });

    test('a data store has one owner', async () => {
        expect(await problems('service a\nservice b\ndatabase db { owner a owner b }', 'multiple-owners')).toEqual([
            expect.stringMatching(/A data store has one owner; 'db' names 2\./),
        ]);
    });
});

describe('imports', () => {
    test('a missing file', async () => {
        const docs = await buildWorkspace(services, { 'a.arch': 'import "./missing.arch"\nservice a' });
        expect(diagnosticLines(docs['a.arch'])).toEqual([
            "1:8 error Cannot find imported file './missing.arch' (looked for /ws/missing.arch). [import]",
        ]);
    });

    test('an import of something that is not a .arch file', async () => {
        const docs = await buildWorkspace(services, { 'a.arch': 'import "./notes.txt"' });
        expect(diagnosticLines(docs['a.arch'])).toEqual(["1:8 error Cannot import './notes.txt': only .arch files can be imported. [import]"]);
    });

    test('a file that imports itself', async () => {
        const docs = await buildWorkspace(services, { 'a.arch': 'import "./a.arch"\nservice a' });
        expect(diagnosticLines(docs['a.arch'])).toEqual(['1:8 error A file cannot import itself. [import-cycle]']);
    });

    test('an import cycle names the files on it', async () => {
        const docs = await buildWorkspace(services, {
            'a.arch': 'import "./b.arch"\nservice a',
            'b.arch': 'import "./c.arch"\nservice b',
            'c.arch': 'import "./a.arch"\nservice c',
        });
        expect(diagnosticLines(docs['a.arch'])).toEqual([
            '1:8 error Import cycle: a.arch → b.arch → c.arch → a.arch. Move the shared declarations into a file that both import. [import-cycle]',
        ]);
    });

    test('references resolve only through imports', async () => {
        const docs = await buildWorkspace(services, {
            'a.arch': 'import "./b.arch"\nservice a\na -> b',
            'b.arch': 'service b',
            'c.arch': 'service c\nc -> b',
        });
        expect(diagnosticLines(docs['a.arch'])).toEqual([]);
        expect(diagnosticLines(docs['c.arch'])).toEqual([expect.stringMatching(/^2:6 error Unknown element 'b'\./)]);
    });
});

describe('scope', () => {
    test('relations outside a group reach elements declared inside it, every time they are asked', async () => {
        expect(await problems('mesh m {\n  service a\n  bus b\n}\na ~> b\na -> b { timeout 1s }\nb ~> a')).toEqual([]);
    });
});
