import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareDrift } from '../../language-server/src/drift/compare-drift.js';
import { importSources } from '../../language-server/src/import/import-sources.js';
import { importFixture, relationLines } from './import-helpers.js';
import { createTestServices } from '../helpers/services.js';
import { recordTraces } from './record-traces.js';

const services = createTestServices();

const dir = mkdtempSync(path.join(tmpdir(), 'archsight-recorded-'));

beforeAll(async () => {
    writeFileSync(path.join(dir, 'recorded.jsonl.json'), await recordTraces(20));
}, 60_000);

describe('traces recorded from a small system instrumented with the OpenTelemetry SDK (OTLP JSON)', () => {
    test('each service that sent spans is a service; the calls, the database and the topic are what the system did', async () => {
        const { model, text, diagnostics } = await importFixture(['recorded.jsonl.json'], { cwd: dir });
        expect([...model.elements.values()].map(e => `${e.kind} ${e.id}`).sort()).toEqual(['bus orderPlaced', 'database paymentsDb', 'service orders', 'service payments', 'service web']);
        expect(relationLines(model).sort()).toEqual(['orders -> payments : http', 'orders ~> orderPlaced', 'payments -> paymentsDb : sql', 'web -> orders : http']);
        // 20 requests, every tenth fails in orders: 2 of 20 calls from web are errors.
        expect(text).toMatch(/\/\/ observed: 20 calls, 10% errors, p50 [\d.]+ms/);
        expect(diagnostics.filter(l => / error /.test(l))).toEqual([]);
    });

    test('drift: the imported model against the same recording has none; without the call to payments, that call is undeclared', async () => {
        const { text, model } = await importFixture(['recorded.jsonl.json'], { cwd: dir });
        const system = await importSources(['recorded.jsonl.json'], { cwd: dir });
        expect(compareDrift(model, system).map(f => f.message)).toEqual([]);
        const lacking = text.replace(/\n[^\n]*\n\s*orders -> payments[^\n]*/, '');
        expect(lacking).not.toBe(text);
        const document = await services.parse(lacking, { validation: true });
        const drift = compareDrift(services.Arch.model.ModelProvider.getModel(document), system);
        expect(drift.map(f => `${f.code} ${f.call?.sourceId} ${f.call?.targetId}`)).toContain('drift-undeclared-call orders payments');
    });
});
