import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { ArchElement, Group, Model, Relation } from '../../language-server/generated/ast.js';
import { isArchElement, isGroup, isNumberValue, isQuantityValue, isRelation, isStringValue, isWordValue, isBooleanValue } from '../../language-server/generated/ast.js';
import { createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

async function parseOk(text: string): Promise<Model> {
    const doc = await services.parse(text);
    expect(doc.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(doc.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    return doc.parseResult.value;
}

describe('file structure', () => {
    test('an architecture block with a title', async () => {
        const model = await parseOk('architecture "Online Shop" { service orders }');
        expect(model.title).toBe('Online Shop');
        expect(model.members).toHaveLength(1);
    });

    test('bare declarations, for files that others import', async () => {
        const model = await parseOk('service orders\ndatabase ordersDb\norders -> ordersDb');
        expect(model.title).toBeUndefined();
        expect(model.members.map(m => m.$type)).toEqual(['ArchElement', 'ArchElement', 'Relation']);
    });

    test('imports come first', async () => {
        const model = await parseOk('import "./common.arch"\nimport "../shared/obs.arch"\narchitecture "x" { }');
        expect(model.imports.map(i => i.path)).toEqual(['./common.arch', '../shared/obs.arch']);
    });

    test('line and block comments are ignored', async () => {
        const model = await parseOk('// a comment\n/* a\n block */ service a // trailing\n');
        expect(model.members).toHaveLength(1);
    });

    test('an empty file is an empty model', async () => {
        const model = await parseOk('');
        expect(model.members).toEqual([]);
    });

    test('text after the architecture block is a syntax error', async () => {
        const doc = await services.parse('architecture "x" { } service a');
        expect(doc.parseResult.parserErrors.length).toBeGreaterThan(0);
    });
});

describe('elements', () => {
    test('kind, id, label, technology and body', async () => {
        const model = await parseOk('service orders "Order Service" : go { replicas 3 }');
        const e = model.members[0] as ArchElement;
        expect([e.kind, e.name, e.label, e.technology]).toEqual(['service', 'orders', 'Order Service', 'go']);
        expect(e.properties.map(p => p.key)).toEqual(['replicas']);
    });

    test.each([
        'client', 'gateway', 'service', 'function', 'esb', 'bus', 'queue', 'database', 'cache', 'storage',
        'sidecar', 'registry', 'timer', 'metrics', 'logs', 'traces', 'agent', 'collector', 'shipper',
        'exporter', 'alerting', 'dashboard', 'component',
    ])('element kind %s', async kind => {
        const model = await parseOk(`${kind} thing`);
        expect(isArchElement(model.members[0]) && model.members[0].kind).toBe(kind);
    });

    test('technologies with dashes, dots, slashes and versions', async () => {
        const model = await parseOk('service a : spring-boot\nservice b : node.js\nservice c : python3.11\nservice d : "C# 12"\ncomponent e : aws/s3');
        expect(model.members.map(m => (m as ArchElement).technology)).toEqual(['spring-boot', 'node.js', 'python3.11', 'C# 12', 'aws/s3']);
    });

    test('signal words can be ids', async () => {
        const model = await parseOk('logs logs : elasticsearch\nmetrics metrics : prometheus\nservice a\na ..> logs');
        expect(model.members.slice(0, 2).map(m => (m as ArchElement).name)).toEqual(['logs', 'metrics']);
        expect((model.members[3] as Relation).target.$refText).toBe('logs');
    });

    test('a nested sidecar', async () => {
        const model = await parseOk('service orders : go { replicas 2 sidecar ordersProxy : envoy { timeout 1s breaker } }');
        const e = model.members[0] as ArchElement;
        expect(e.sidecars.map(s => [s.kind, s.name, s.technology])).toEqual([['sidecar', 'ordersProxy', 'envoy']]);
        expect(e.sidecars[0].properties.map(p => p.key)).toEqual(['timeout', 'breaker']);
    });

    test('function triggers with labels', async () => {
        const model = await parseOk('function resize : lambda { trigger uploads "ObjectCreated" trigger nightly memory 512mb }');
        const e = model.members[0] as ArchElement;
        expect(e.triggers.map(t => [t.source.$refText, t.label])).toEqual([['uploads', 'ObjectCreated'], ['nightly', undefined]]);
    });

    test('a data store owner', async () => {
        const model = await parseOk('database ordersDb : postgres { owner orders }');
        expect((model.members[0] as ArchElement).owners[0].service.$refText).toBe('orders');
    });
});

describe('property values', () => {
    test('numbers, quantities, strings, words, booleans and flags', async () => {
        const model = await parseOk('service a { replicas 3 timeout 2.5s memory 512mb health "/healthz" exposure public tls false managed }');
        const [replicas, timeout, memory, health, exposure, tls, managed] = (model.members[0] as ArchElement).properties;
        expect(isNumberValue(replicas.value) && replicas.value.number).toBe(3);
        expect(isQuantityValue(timeout.value) && timeout.value.quantity).toBe('2.5s');
        expect(isQuantityValue(memory.value) && memory.value.quantity).toBe('512mb');
        expect(isStringValue(health.value) && health.value.text).toBe('/healthz');
        expect(isWordValue(exposure.value) && exposure.value.word).toBe('public');
        expect(isBooleanValue(tls.value) && tls.value.bool).toBe(false);
        expect(managed.value).toBeUndefined();
    });

    test('a negative number parses (validation rejects it)', async () => {
        const model = await parseOk('service a { replicas -1 }');
        const p = (model.members[0] as ArchElement).properties[0];
        expect(isNumberValue(p.value) && p.value.number).toBe(-1);
    });

    test('flags followed by other properties stay flags', async () => {
        const model = await parseOk('a -> b { breaker timeout 2s retries 2 }');
        expect((model.members[0] as Relation).properties.map(p => [p.key, p.value?.$type])).toEqual([
            ['breaker', undefined], ['timeout', 'QuantityValue'], ['retries', 'NumberValue'],
        ]);
    });
});

describe('groups', () => {
    test('system and boundary groups nest', async () => {
        const model = await parseOk('system shop "Shop" { boundary payments "PCI zone" { service pay } service orders }');
        const shop = model.members[0] as Group;
        expect([shop.kind, shop.name, shop.label]).toEqual(['system', 'shop', 'Shop']);
        expect(shop.members.map(m => (m as Group | ArchElement).name)).toEqual(['payments', 'orders']);
        expect(isGroup(shop.members[0]) && shop.members[0].kind).toBe('boundary');
    });

    test('a monolith with layers', async () => {
        const model = await parseOk(`monolith shopApp : java {
            layer presentation { component web }
            layer business { component cart }
            presentation -> business
        }`);
        const mono = model.members[0] as Group;
        expect(mono.members.filter(isGroup).map(l => [l.kind, l.name])).toEqual([['layer', 'presentation'], ['layer', 'business']]);
        expect(mono.members.filter(isRelation)).toHaveLength(1);
    });

    test('a mesh with a control plane and properties', async () => {
        const model = await parseOk(`mesh shopMesh : istio { mtls
            control-plane istiod : istio { component pilot "Pilot" }
            service orders { sidecar ordersEnvoy : envoy }
        }`);
        const mesh = model.members[0] as Group;
        expect(mesh.properties.map(p => p.key)).toEqual(['mtls']);
        expect(mesh.members.map(m => (m as Group).kind)).toEqual(['control-plane', 'service']);
    });

    test('an observability stack', async () => {
        const model = await parseOk('stack obs "Observability" { metrics prom : prometheus dashboard grafana : grafana grafana -> prom }');
        expect((model.members[0] as Group).kind).toBe('stack');
    });
});

describe('relations', () => {
    test.each([['->'], ['~>'], ['..>']])('arrow %s', async arrow => {
        const model = await parseOk(`a ${arrow} b`);
        expect((model.members[0] as Relation).arrow).toBe(arrow);
    });

    test('protocol, label and call policies', async () => {
        const model = await parseOk('edge -> orders : rest "POST /orders" { timeout 2s retries 2 breaker }');
        const r = model.members[0] as Relation;
        expect([r.source.$refText, r.target.$refText, r.protocol, r.label]).toEqual(['edge', 'orders', 'rest', 'POST /orders']);
        expect(r.properties.map(p => p.key)).toEqual(['timeout', 'retries', 'breaker']);
    });

    test('a label without a protocol', async () => {
        const model = await parseOk('orders ~> events "OrderPlaced"');
        const r = model.members[0] as Relation;
        expect([r.protocol, r.label]).toEqual([undefined, 'OrderPlaced']);
    });

    test('an explicit signal on an observability link', async () => {
        const model = await parseOk('orders ..> agent : traces');
        expect((model.members[0] as Relation).protocol).toBe('traces');
    });

    test('arrows need no spaces', async () => {
        const model = await parseOk('a->b\nb~>c\nc..>d');
        expect(model.members.map(m => (m as Relation).arrow)).toEqual(['->', '~>', '..>']);
    });
});

describe('syntax errors', () => {
    test('a missing target is reported', async () => {
        const doc = await services.parse('architecture "x" { a -> }');
        expect(doc.parseResult.parserErrors.length).toBeGreaterThan(0);
    });

    test('an unknown kind keyword is reported', async () => {
        const doc = await services.parse('microservice orders');
        expect(doc.parseResult.parserErrors.length).toBeGreaterThan(0);
    });
});

describe('syntax error messages are short and say what was expected', () => {
    async function messages(text: string): Promise<string[]> {
        const doc = await services.parse(text);
        return doc.parseResult.parserErrors.map(e => e.message);
    }

    test('a relation without a target', async () => {
        expect(await messages('architecture "x" {\n  service a\n  a -> \n}')).toEqual(["Unexpected '}': expected an id."]);
    });

    test('a technology missing after the colon', async () => {
        expect(await messages('architecture "x" {\n  service a : \n}')).toEqual(["Unexpected '}': expected an id or a string."]);
    });

    test('an unknown keyword where a member belongs', async () => {
        const [first] = await messages('architecture "x" {\n  microservice orders\n}');
        expect(first).toMatch(/^Unexpected 'orders': expected .*'->'/);
    });

    test('a missing closing brace', async () => {
        expect(await messages('architecture "x" {\n  service a\n')).toEqual(["Expected '}' but found end of file."]);
    });
});

describe('values that are also keywords, versions and signs', () => {
    test('discovery and auth values that are keywords elsewhere', async () => {
        const model = await parseOk('service a { discovery registry breaker mtls }\nservice b { discovery mesh }\nservice c { discovery gateway tls }');
        const words = model.members.flatMap(m => (m as ArchElement).properties.map(p => [p.key, isWordValue(p.value) ? p.value.word : p.value?.$type]));
        // `mtls` is a flag of its own, so `breaker mtls` is two flags.
        expect(words).toEqual([['discovery', 'registry'], ['breaker', undefined], ['mtls', undefined], ['discovery', 'mesh'], ['discovery', 'gateway'], ['tls', undefined]]);
    });

    test('a version after a dash stays in the technology', async () => {
        const model = await parseOk('database db : postgres-16\nservice a : java-21 { replicas 2 }');
        expect(model.members.map(m => (m as ArchElement).technology)).toEqual(['postgres-16', 'java-21']);
    });

    test('a negative number is still a number', async () => {
        const model = await parseOk('service a { replicas - 1 }');
        const p = (model.members[0] as ArchElement).properties[0];
        expect(isNumberValue(p.value) && p.value.number).toBe(-1);
    });
});

describe('property names as ids', () => {
    test('an element may be called like a property', async () => {
        const model = await parseOk('architecture "x" {\n  service auth : go { replicas 2 }\n  database health\n  system s { tls\n    service timeout\n  }\n  auth -> health { timeout 1s }\n  timeout -> auth\n}');
        expect(model.members.filter(isArchElement).map(e => e.name)).toEqual(['auth', 'health']);
        expect(model.members.filter(isRelation).map(r => `${r.source.$refText}${r.arrow}${r.target.$refText}`)).toEqual(['auth->health', 'timeout->auth']);
        const group = model.members.find(isGroup)!;
        expect([group.properties.map(p => p.key), group.members.map(m => (m as ArchElement).name)]).toEqual([['tls'], ['timeout']]);
    });
});
