import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { tracesText } from '../../bench/generate-traces.mjs';
import { compareDrift } from '../../language-server/src/drift/compare-drift.js';
import { importSources } from '../../language-server/src/import/import-sources.js';
import { createTestServices } from '../helpers/services.js';
import { FIXTURES, importFixture } from '../import/import-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const dir = mkdtempSync(path.join(tmpdir(), 'archsight-drift-'));
writeFileSync(path.join(dir, 'traces.json'), tracesText({ traces: 200, format: 'otlp', errorEvery: 10 }));

/** The drift of a model against sources, one finding per line: `line code message` (line 0: the model as a whole). */
async function drift(modelText: string, sources: string[], cwd: string): Promise<string[]> {
    const document = await services.parse(modelText, { validation: true });
    const model = services.Arch.model.ModelProvider.getModel(document);
    const system = await importSources(sources, { cwd });
    return compareDrift(model, system).map(f => `${f.location ? f.location.range.start.line + 1 : 0} ${f.code} ${f.message}`);
}

describe('drift against traces', () => {
    // The shop of bench/generate-traces.mjs, written down with five differences.
    const MODEL = `architecture "Shop" {
  service frontend
  service orders
  service payments
  service shipping
  service recommendations
  bus orderEvents "order-events" : kafka
  database paymentsDb "payments-db" : postgres
  frontend ~> orders
  frontend -> shipping : http { timeout 1s }
  orders -> payments : grpc { timeout 20ms }
  payments -> paymentsDb : sql { timeout 1s }
  orders ~> orderEvents
  orderEvents ~> shipping
}
`;

    test('reports what runs but is not declared, what is declared but never seen, sync against async, latency over timeout and a deeper chain', async () => {
        expect(await drift(MODEL, ['traces.json'], dir)).toEqual([
            "0 drift-undeclared-element service 'inventory' runs (traces.json: service inventory) but is not in the model.",
            "0 drift-undeclared-element cache 'inventoryCache' runs (traces.json: db.system redis) but is not in the model.",
            "6 drift-unobserved-element 'recommendations' is in the model but none of the sources shows it (traces).",
            '9 drift-call-kind frontend ~> orders is asynchronous in the model, but traces show synchronous calls (200).',
            '10 drift-unobserved-call frontend -> shipping is in the model but the traces never show it.',
            expect.stringMatching(/^11 drift-latency-over-timeout orders -> payments: traces show p99 (2\d|30)ms, above its timeout of 20ms\.$/),
            "2 drift-deeper-chain Requests from 'frontend' go 2 synchronous hops deep in the traces; the model's longest chain from it is 1.",
        ]);
    });

    test('near misses: a timeout above the p99, an asynchronous call seen as messages, a chain as deep as traced are not drift', async () => {
        const fixed = MODEL.replace('frontend ~> orders', 'frontend -> orders : http { timeout 2s }').replace('{ timeout 20ms }', '{ timeout 40ms }');
        const lines = await drift(fixed, ['traces.json'], dir);
        expect(lines.filter(l => /call-kind|latency|deeper/.test(l))).toEqual([]);
    });
});

describe('drift against compose files', () => {
    test('replicas and exposure the model states otherwise are policy drift; an unstated one is not', async () => {
        const lines = await drift(`architecture "Robot shop" {
  service web { exposure internal }
  service cart { replicas 3 }
  service catalogue
  cache redis : redis
  web -> catalogue
  web -> cart
}
`, ['robot-shop/docker-compose.yaml'], FIXTURES);
        expect(lines.filter(l => l.includes('drift-policy'))).toEqual([
            "2 drift-policy 'web': the model says exposure internal, robot-shop/docker-compose.yaml: services.web says public.",
        ]);
        expect(lines).toContain('3 drift-undeclared-call cart -> redis happens (robot-shop/docker-compose.yaml: services.cart.depends_on) but the model does not declare it.');
        // Compose cannot show how often a call happens: a declared call it does not list is not reported.
        expect(lines.filter(l => l.includes('unobserved-call'))).toEqual([]);
        expect(lines.filter(l => l.includes('web -> cart'))).toEqual([]);
    });
});

describe('round trips: import, then drift against the same sources', () => {
    for (const sources of [['robot-shop/docker-compose.yaml'], ['piggymetrics/docker-compose.yml', 'piggymetrics/docker-compose.dev.yml'], ['istio']]) {
        test(`${sources.join(' + ')}: no drift`, async () => {
            const { text } = await importFixture(sources);
            expect(await drift(text, sources, FIXTURES)).toEqual([]);
        });
    }

    test('traces: no drift, and the imported model checks without errors', async () => {
        const { text, diagnostics } = await importFixture(['traces.json'], { cwd: dir });
        expect(diagnostics.filter(l => / error /.test(l))).toEqual([]);
        expect(await drift(text, ['traces.json'], dir)).toEqual([]);
    });
});
