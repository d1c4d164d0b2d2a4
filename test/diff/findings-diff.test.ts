import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { collectDiagnostics } from '../../language-server/src/cli/diagnostics.js';
import { fingerprint, findingSubject } from '../../language-server/src/diff/fingerprint.js';
import { arch, buildWorkspace, createTestServices } from '../helpers/services.js';
import { diffTexts } from './diff-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const BASE = arch(`
  gateway edge : kong
  service orders "Order Service" : go { replicas 2 }
  service payments "Payment Service" : java
  database ordersDb : postgres
  edge -> orders : rest { timeout 2s }
  orders -> payments : grpc { timeout 500ms }
  orders -> ordersDb
`);
const WITHOUT_TIMEOUT = BASE.replace('orders -> payments : grpc { timeout 500ms }', 'orders -> payments : grpc { timeout none }');

const lines = (findings: readonly { rule: string; severity: string; message: string }[]) => findings.map(f => `${f.severity} ${f.rule}: ${f.message}`);

describe('findings introduced and fixed', () => {
    test('dropping a timeout introduces missing-timeout; nothing is fixed', async () => {
        const diff = await diffTexts(services, BASE, WITHOUT_TIMEOUT);
        expect(lines(diff.introduced)).toEqual([expect.stringMatching(/^warning missing-timeout: .*'orders'.*'payments'/)]);
        expect(diff.fixed).toEqual([]);
        expect(diff.summary).toMatchObject({ introduced: 1, introducedWarnings: 1, introducedErrors: 0, fixed: 0 });
    });

    test('adding it back fixes the finding', async () => {
        const diff = await diffTexts(services, WITHOUT_TIMEOUT, BASE);
        expect(diff.introduced).toEqual([]);
        expect(lines(diff.fixed)).toEqual([expect.stringMatching(/^warning missing-timeout:/)]);
    });

    test('a cycle of calls is an error, listed first', async () => {
        const cyclic = WITHOUT_TIMEOUT.replace('  orders -> ordersDb\n', '  orders -> ordersDb\n  payments -> orders { timeout 1s }\n');
        const diff = await diffTexts(services, BASE, cyclic);
        expect(diff.introduced[0]).toMatchObject({ severity: 'error', rule: 'sync-cycle' });
        expect(diff.summary.introducedErrors).toBe(1);
    });

    test('renaming an element neither fixes nor introduces its findings', async () => {
        const renamed = WITHOUT_TIMEOUT.replace(/\bpayments\b/g, 'billing');
        const diff = await diffTexts(services, WITHOUT_TIMEOUT, renamed);
        expect(diff.introduced).toEqual([]);
        expect(diff.fixed).toEqual([]);
    });

    test('moving lines around changes nothing', async () => {
        const shuffled = `// a comment\n\n${WITHOUT_TIMEOUT.replace('  gateway edge : kong\n', '').replace('  orders -> ordersDb\n', '  orders -> ordersDb\n  gateway edge : kong\n')}`;
        const diff = await diffTexts(services, WITHOUT_TIMEOUT, shuffled);
        expect(diff.introduced).toEqual([]);
        expect(diff.fixed).toEqual([]);
    });
});

describe('fingerprints', () => {
    async function fingerprints(text: string, file = 'a.arch'): Promise<Map<string, string>> {
        await clearDocuments(services.shared);
        const docs = await buildWorkspace(services, { [file]: text });
        return new Map(collectDiagnostics([docs[file]], '/ws').map(d => [`${d.code} ${d.message}`, d.fingerprint]));
    }

    test('stay the same when the lines of the finding move', async () => {
        const before = await fingerprints(WITHOUT_TIMEOUT);
        const after = await fingerprints(`// moved down\n\n\n${WITHOUT_TIMEOUT.replace('  database ordersDb : postgres\n', '').replace('  orders -> ordersDb\n', '  database ordersDb : postgres\n  orders -> ordersDb\n')}`);
        expect(before.size).toBeGreaterThan(0);
        expect([...after.values()].sort()).toEqual([...before.values()].sort());
    });

    test('change when the finding is about something else', async () => {
        const onPayments = await fingerprints(WITHOUT_TIMEOUT);
        const onShipping = await fingerprints(WITHOUT_TIMEOUT.replace(/\bpayments\b/g, 'shipping'));
        const key = (m: Map<string, string>) => [...m].find(([k]) => k.startsWith('missing-timeout'))![1];
        expect(key(onShipping)).not.toBe(key(onPayments));
    });

    test('name the rule and the ids, related ids in any order', () => {
        const a = fingerprint('shared-database', findingSubject({ target: { kind: 'element', id: 'db' }, relatedTargets: [{ kind: 'element', id: 'x' }, { kind: 'element', id: 'y' }] }));
        const b = fingerprint('shared-database', findingSubject({ target: { kind: 'element', id: 'db' }, relatedTargets: [{ kind: 'element', id: 'y' }, { kind: 'element', id: 'x' }] }));
        const other = fingerprint('single-replica', findingSubject({ target: { kind: 'element', id: 'db' }, relatedTargets: [{ kind: 'element', id: 'x' }, { kind: 'element', id: 'y' }] }));
        expect(a).toBe(b);
        expect(other).not.toBe(a);
        expect(a).toMatch(/^[0-9a-f]{32}$/);
    });

    test('a renamed relation end maps to the same fingerprint', () => {
        const old = fingerprint('missing-timeout', ['relation:orders->payments'], id => (id === 'payments' ? 'billing' : id));
        expect(old).toBe(fingerprint('missing-timeout', ['relation:orders->billing']));
    });

    test('language errors: the same message in the same file, whatever its line', async () => {
        const one = await fingerprints('service a\na -> nowhere\n');
        const two = await fingerprints('\n\nservice a\n\na -> nowhere\n');
        expect([...two.values()]).toEqual([...one.values()]);
    });
});
