import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHOP_CALLS, tracesText } from '../../bench/generate-traces.mjs';
import { JsonElementSplitter } from '../../language-server/src/import/traces/json-elements.js';
import { importFixture, relationLines } from './import-helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'archsight-traces-'));
writeFileSync(path.join(dir, 'jaeger.json'), tracesText({ traces: 200, format: 'jaeger', errorEvery: 10 }));
writeFileSync(path.join(dir, 'otlp.json'), tracesText({ traces: 200, format: 'otlp', errorEvery: 10 }));

describe('traces: a documented shop (bench/generate-traces.mjs)', () => {
    test('Jaeger JSON: every call of the documented model is a relation, messaging goes through the topic, stores are stores', async () => {
        const { model, diagnostics } = await importFixture(['jaeger.json'], { cwd: dir });
        // What SHOP_CALLS documents, in the arrows the language uses.
        const expected = Object.entries(SHOP_CALLS).flatMap(([from, calls]) => calls.map(c => {
            const id = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
            const arrow = c.kind === 'publish' || c.kind === 'deliver' ? '~>' : '->';
            return `${id(from)} ${arrow} ${id(c.to)}`;
        }));
        expect(model.relations.map(r => `${r.sourceId} ${r.kind === 'sync' ? '->' : '~>'} ${r.targetId}`).sort()).toEqual(expected.sort());
        expect(relationLines(model)).toEqual(expect.arrayContaining(['orders -> payments : grpc', 'frontend -> orders : http', 'payments -> paymentsDb : sql', 'inventory -> inventoryCache : resp']));
        expect(['orderEvents', 'paymentsDb', 'inventoryCache'].map(id => model.elements.get(id)?.kind)).toEqual(['bus', 'database', 'cache']);
        expect(diagnostics.filter(l => / error /.test(l))).toEqual([]);
    });

    test('the latency percentiles, call counts and error rate of each call stay within what the model documents', async () => {
        const { system } = await importFixture(['jaeger.json'], { cwd: dir });
        const stats = system.relations.get('orders\u0000payments')!.stats!;
        expect(stats.count).toBe(200);
        expect(stats.errors).toBe(20);
        // payments is called with 5–30 ms of latency.
        expect(stats.p50).toBeGreaterThan(5);
        expect(stats.p99).toBeLessThanOrEqual(30);
        expect(stats.p50).toBeLessThanOrEqual(stats.p95);
        expect(stats.p95).toBeLessThanOrEqual(stats.p99);
        // frontend -> orders -> payments: two synchronous hops between services (stores send no spans of their own).
        expect(system.observedDepth.get('frontend')).toBe(2);
    });

    test('OTLP JSON lines give the same model and the same figures as the Jaeger export of the same traces', async () => {
        const jaeger = await importFixture(['jaeger.json'], { cwd: dir });
        const otlp = await importFixture(['otlp.json'], { cwd: dir });
        expect(otlp.text.replaceAll('otlp.json', 'X')).toBe(jaeger.text.replaceAll('jaeger.json', 'X'));
    });

    test('a JSON file that is not a trace file, and broken JSON, are one error each', async () => {
        writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}');
        writeFileSync(path.join(dir, 'cut.json'), tracesText({ traces: 3, format: 'jaeger' }).slice(0, 500));
        writeFileSync(path.join(dir, 'yaml.json'), 'data: []');
        await expect(importFixture(['package.json'], { cwd: dir })).rejects.toThrow("'package.json' is not a Jaeger or OTLP JSON trace file: it has neither 'data' nor 'resourceSpans'.");
        await expect(importFixture(['cut.json'], { cwd: dir })).rejects.toThrow("'cut.json' is not valid JSON: it ends in the middle of a value.");
        await expect(importFixture(['yaml.json'], { cwd: dir })).rejects.toThrow("'yaml.json' is not JSON: it does not start with '{' or '['.");
    });
});

describe('JsonElementSplitter', () => {
    const split = (text: string, chunkSize: number) => {
        const out: string[] = [];
        const splitter = new JsonElementSplitter(new Set(['data']), (key, element) => out.push(`${key}:${element}`), 't.json');
        for (let i = 0; i < text.length; i += chunkSize) splitter.write(text.slice(i, i + chunkSize));
        splitter.end();
        return out;
    };
    const text = '{"total": 2, "x": {"data": [9]}, "data": [{"a": "}\\"]{"}, [1, {"b": []}], {"c": "\\\\"}], "errors": null}';

    test('cuts out each element of the wanted array, whatever the strings and escapes hold, at any chunk size', () => {
        const expected = ['data:{"a": "}\\"]{"}', 'data:[1, {"b": []}]', 'data:{"c": "\\\\"}'];
        for (const size of [1, 2, 3, 7, 1000]) expect(split(text, size)).toEqual(expected);
        expect(expected.map(e => JSON.parse(e.slice(5)))).toEqual([{ a: '}"]{' }, [1, { b: [] }], { c: '\\' }]);
    });

    test('takes one object per line (JSON lines) and a bare top-level array', () => {
        expect(split('{"data":[{"i":1}]}\n{"data":[{"i":2}]}\n', 5)).toEqual(['data:{"i":1}', 'data:{"i":2}']);
        expect(split('[{"traceID":"a"},{"traceID":"b"}]', 4)).toEqual(['data:{"traceID":"a"}', 'data:{"traceID":"b"}']);
    });
});
