import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const complete = expectCompletion(services.Arch);

afterEach(() => clearDocuments(services.shared));

/** One of each kind a link can end at; `CURSOR` is replaced by the line under test. */
const SHOP = `architecture "Shop" {
  client web
  gateway edge : kong
  service orders "Order Service" : go
  service payments : java
  function resize
  database ordersDb : postgres
  storage images : s3
  timer nightly
  metrics prom : prometheus
  shipper beats : filebeat
  system shop { service inner }
  CURSOR
}`;

async function itemsAt(line: string, text = SHOP): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await complete({ text: text.replace('CURSOR', line), index: 0, assert: list => { items = list.items; }, disposeAfterCheck: true });
    return items;
}

async function labelsAt(line: string, text = SHOP): Promise<string[]> {
    return (await itemsAt(line, text)).map(item => item.label).sort();
}

describe('ids after an arrow: only those that make a valid link', () => {
    test('-> offers what can answer a call: no clients, timers, observability, nor the caller itself', async () => {
        expect(await labelsAt('orders -> <|>')).toEqual(['edge', 'images', 'inner', 'ordersDb', 'payments', 'resize', 'shop']);
    });

    test('~> also offers clients (push), still no timers or observability', async () => {
        expect(await labelsAt('orders ~> <|>')).toEqual(['edge', 'images', 'inner', 'ordersDb', 'payments', 'resize', 'shop', 'web']);
    });

    test('..> offers only observability back ends and helpers', async () => {
        expect(await labelsAt('orders ..> <|>')).toEqual(['beats', 'prom']);
    });

    test('a half-typed target is completed from the fitting ids', async () => {
        expect(await labelsAt('orders ..> pr<|>')).toEqual(['prom']);
        expect(await labelsAt('orders -> pr<|>')).toEqual([]);
    });

    test('trigger offers the event sources: gateways, storage, queues, buses, databases, logs, timers, ESBs', async () => {
        expect(await labelsAt('function thumbnail { trigger <|> }')).toEqual(['edge', 'images', 'nightly', 'ordersDb']);
    });

    test('owner offers the workloads that can own a data store', async () => {
        expect(await labelsAt('database carts { owner <|> }')).toEqual(['inner', 'orders', 'payments', 'resize']);
    });

    test('each id comes with its kind icon and kind, technology and label as detail', async () => {
        const items = await itemsAt('web -> <|>');
        const orders = items.find(i => i.label === 'orders');
        expect(orders).toMatchObject({ kind: CompletionItemKind.Module, detail: 'service · go · Order Service' });
        expect(items.find(i => i.label === 'ordersDb')).toMatchObject({ kind: CompletionItemKind.Struct, detail: 'database · postgres' });
        expect(items.find(i => i.label === 'resize')).toMatchObject({ kind: CompletionItemKind.Function, detail: 'function' });
    });
});

describe('property keys: only where they apply', () => {
    test('a service body offers its keys and sidecar, but no call policies, trigger or owner', async () => {
        const labels = await labelsAt('service cart { <|> }');
        expect(labels).toEqual(expect.arrayContaining(['replicas', 'exposure', 'health', 'port', 'sidecar']));
        for (const absent of ['timeout', 'retries', 'breaker', 'trigger', 'owner', 'service', 'system']) expect(labels).not.toContain(absent);
    });

    test('a client body has no replicas', async () => {
        expect(await labelsAt('client app { <|> }')).not.toContain('replicas');
    });

    test('a function body offers trigger and its own timeout; a database body offers owner', async () => {
        expect(await labelsAt('function f { <|> }')).toEqual(expect.arrayContaining(['trigger', 'timeout', 'memory']));
        expect(await labelsAt('database d { <|> }')).toEqual(expect.arrayContaining(['owner', 'replicas']));
    });

    test('call policies on -> bodies only, not on messages', async () => {
        expect(await labelsAt('orders -> payments { <|> }')).toEqual(expect.arrayContaining(['timeout', 'retries', 'breaker']));
        const onMessage = await labelsAt('orders ~> payments { <|> }');
        for (const absent of ['timeout', 'retries', 'breaker', 'replicas']) expect(onMessage).not.toContain(absent);
    });

    test('a key already written in the body is not offered again', async () => {
        const labels = await labelsAt('service cart { replicas 2 exposure internal <|> }');
        expect(labels).not.toContain('replicas');
        expect(labels).not.toContain('exposure');
        expect(labels).toContain('port');
    });

    test('keys carry their value type and documentation', async () => {
        const replicas = (await itemsAt('service cart { <|> }')).find(i => i.label === 'replicas');
        expect(replicas).toMatchObject({ kind: CompletionItemKind.Property, detail: 'property: a whole number from 0 to 100000' });
        expect(replicas?.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining('How many instances run.') });
    });
});

describe('values after a key', () => {
    test('an enum key offers exactly its values', async () => {
        expect(await labelsAt('service cart { exposure <|> }')).toEqual(['internal', 'private', 'public']);
        expect(await labelsAt('collector otel { signal <|> }')).toEqual(['logs', 'metrics', 'traces']);
        expect(await labelsAt('service cart { exposure pu<|> }')).toEqual(['public']);
    });

    test('`mtls` after `auth` is a value, so the next key follows', async () => {
        expect(await labelsAt('service cart { auth mtls <|> }')).toContain('replicas');
    });

    test('a flag offers true and false, then the other keys', async () => {
        expect(await labelsAt('orders -> payments { breaker <|> }')).toEqual(expect.arrayContaining(['false', 'true', 'timeout']));
    });

    test('a duration offers examples and no keys', async () => {
        expect(await labelsAt('orders -> payments { timeout <|> }')).toEqual(['1s', '2s', '30s', '500ms', '5s']);
    });
});

describe('technologies after :', () => {
    test.each([
        ['database', ['postgres', 'mysql', 'mongodb', 'cassandra']],
        ['service', ['go', 'java', 'node', 'python', 'spring-boot']],
        ['bus', ['kafka', 'rabbitmq', 'nats']],
        ['metrics', ['prometheus']],
        ['traces', ['jaeger', 'zipkin']],
        ['logs', ['elasticsearch', 'loki']],
    ])('%s offers its technologies', async (kind, expected) => {
        expect(await labelsAt(`${kind} thing : <|>`)).toEqual(expect.arrayContaining(expected));
    });

    test('a half-typed technology is completed, also across a dash', async () => {
        expect(await labelsAt('database store : mo<|>')).toEqual(['mongodb']);
        expect(await labelsAt('service api : spring-<|>')).toEqual(['spring-boot']);
    });

    test('a call offers protocols, an observability link its signals', async () => {
        expect(await labelsAt('orders -> payments : <|>')).toEqual(expect.arrayContaining(['grpc', 'https', 'rest']));
        expect(await labelsAt('orders ..> prom : <|>')).toEqual(['logs', 'metrics', 'traces']);
    });
});

describe('keywords and kinds', () => {
    test('an empty file offers import, architecture and the kinds', async () => {
        const labels = await labelsAt('<|>', 'CURSOR');
        expect(labels).toEqual(expect.arrayContaining(['import', 'architecture', 'service', 'database', 'system', 'mesh']));
    });

    test('layers only in a monolith, control planes only in a mesh', async () => {
        const top = await labelsAt('<|>');
        expect(top).not.toContain('layer');
        expect(top).not.toContain('control-plane');
        expect(await labelsAt('monolith m { <|> }')).toContain('layer');
        expect(await labelsAt('mesh m { <|> }')).toContain('control-plane');
    });

    test('after an id at the start of a line, the arrows with what they mean', async () => {
        const items = await itemsAt('orders <|>');
        expect(items.map(i => `${i.label} ${i.detail}`).sort()).toEqual(['-> synchronous call', '..> observability link', '~> asynchronous message']);
    });

    test('kinds carry their summary', async () => {
        const gateway = (await itemsAt('<|>')).find(i => i.label === 'gateway');
        expect(gateway).toMatchObject({ detail: 'element kind', documentation: { kind: 'markdown', value: expect.stringContaining('single entry point') } });
    });

    test('inside comments and strings, nothing is offered', async () => {
        expect(await labelsAt('// orders -> <|>')).toEqual([]);
        expect(await labelsAt('/* a <|> b */')).toEqual([]);
        expect(await labelsAt('service cart "Shopping <|>"')).toEqual([]);
        expect(await labelsAt('service cart "Cart" <|>')).toContain('service');
    });

    test('where a new id goes, nothing is offered', async () => {
        expect(await labelsAt('service <|>')).toEqual([]);
    });
});

describe('a complete word lets Enter through', () => {
    async function listAt(line: string) {
        let list: { items: CompletionItem[]; isIncomplete: boolean } = { items: [], isIncomplete: false };
        await complete({ text: SHOP.replace('CURSOR', line), index: 0, assert: l => { list = l; }, disposeAfterCheck: true });
        return list;
    }

    test('a fully typed technology, id or keyword gets no list, so VS Code closes its widget', async () => {
        expect((await listAt('database store : postgres<|>')).items).toEqual([]);
        expect((await listAt('orders -> payments<|>')).items).toEqual([]);
        expect((await listAt('orders -> payments { timeout 2s<|> }')).items).toEqual([]);
    });

    test('a half-typed word still gets its choices, and every list asks VS Code to ask again', async () => {
        const half = await listAt('database store : postgr<|>');
        expect(half.items.map(i => i.label)).toEqual(['postgres']);
        expect(half.isIncomplete).toBe(true);
        expect((await listAt('orders -> pay<|>')).items.map(i => i.label)).toEqual(['payments']);
    });
});
