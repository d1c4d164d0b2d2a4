import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('missing-timeout', () => {
    test('a call stated to have neither timeout nor breaker', async () => {
        const doc = await check(services, arch('  service orders\n  service payments\n  orders -> payments : grpc { timeout none breaker none }'));
        expect(findingsOf(doc, 'missing-timeout')).toEqual([
            "4:3 warning Call 'orders' → 'payments' has neither a timeout nor a circuit breaker: when 'payments' hangs, 'orders' hangs with it.",
        ]);
    });

    test('a call stated to have no timeout, its breaker unknown; a connect timeout does not count', async () => {
        const doc = await check(services, arch('  service orders\n  service payments\n  orders -> payments : grpc { timeout none connect-timeout 1s }'));
        expect(findingsOf(doc, 'missing-timeout')).toEqual([
            "4:3 warning Call 'orders' → 'payments' has no timeout: when 'payments' hangs, 'orders' hangs with it.",
        ]);
    });

    test('unknown is not absent: a call whose timeout is not written is not reported', async () => {
        const doc = await check(services, arch('  service orders\n  service payments\n  orders -> payments : grpc'));
        expect(findingsOf(doc, 'missing-timeout')).toEqual([]);
    });

    test('near misses: a timeout or a breaker alone; the gateway, sidecar or mesh gives one; a client calls; a database is called; inside a monolith', async () => {
        const quiet = [
            arch('service a\nservice b\na -> b { timeout 1s }'),
            arch('service a\nservice b\na -> b { timeout default }'),
            arch('service a\nservice b\na -> b { timeout none breaker }'),
            arch('gateway g { timeout 2s }\nservice b\ng -> b'),
            arch('service a { sidecar aProxy : envoy { timeout 1s } }\nservice b\na -> b'),
            arch('mesh m { breaker\n service a\n service b }\na -> b { timeout none }'),
            arch('client web\nservice b\nweb -> b { timeout none }'),
            arch('service a\ndatabase db\na -> db { timeout none }'),
            arch('monolith app { layer l { component a component b } }\na -> b { timeout none }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'missing-timeout'), text).toEqual([]);
    });

    test('breaker false on a call switches off what the mesh gives', async () => {
        const doc = await check(services, arch('mesh m { breaker\n service a\n service b }\na -> b { breaker false timeout none }'));
        expect(findingsOf(doc, 'missing-timeout')).toHaveLength(1);
    });

    test('quick fix: add a timeout and a breaker, with braces or into the ones there', async () => {
        const bare = await check(services, arch('  service a\n  service b\n  a -> b : grpc "charge" { timeout none }'));
        const first = await fixAndRecheck(services, bare, 'missing-timeout', /timeout and a circuit breaker/);
        expect(first.text).toContain('a -> b : grpc "charge" { timeout 2s breaker }');
        expect(first.findings).toEqual([]);
        expect(first.errors).toEqual([]);

        const braced = await check(services, arch('  service a\n  service b\n  a -> b {\n    retries 1\n    breaker false\n    timeout none\n  }'));
        const second = await fixAndRecheck(services, braced, 'missing-timeout', /timeout and a circuit breaker/);
        expect(second.text).toContain('  a -> b {\n    retries 1\n    breaker\n    timeout 2s\n  }');
        expect(second.findings).toEqual([]);
    });

    test('suppressed by a comment above the call', async () => {
        const doc = await check(services, arch('  service a\n  service b\n  // archsight-ignore missing-timeout: same host\n  a -> b { timeout none }'));
        expect(findingsOf(doc, 'missing-timeout')).toEqual([]);
    });
});

describe('timeout-mismatch', () => {
    test('a caller that gives up before its callee can', async () => {
        const doc = await check(services, arch('  gateway edge\n  service orders\n  service payments\n  edge -> orders { timeout 1s }\n  orders -> payments { timeout 2s retries 1 }'));
        expect(findingsOf(doc, 'timeout-mismatch')).toEqual([
            "5:3 warning 'edge' gives up on 'orders' after 1s, but 'orders' may wait 4s for 'payments' (timeout 2s, 1 retry): the caller times out first.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'timeout-mismatch')[0])).toEqual(["6:3 'orders' waits up to 4s for 'payments'"]);
    });

    test('the callee waits through its sidecar', async () => {
        const doc = await check(services, arch('  gateway edge\n  service orders { sidecar op : envoy { timeout 3s } }\n  service payments\n  edge -> orders { timeout 2s }\n  orders -> payments'));
        expect(findingsOf(doc, 'timeout-mismatch')[0]).toContain("'orders' may wait 3s for 'payments'");
    });

    test('near misses: a longer caller timeout; equal budgets; an unknown timeout', async () => {
        const quiet = [
            arch('gateway e\nservice o\nservice p\ne -> o { timeout 5s }\no -> p { timeout 2s retries 1 }'),
            arch('gateway e\nservice o\nservice p\ne -> o { timeout 4s }\no -> p { timeout 2s retries 1 }'),
            arch('gateway e\nservice o\nservice p\ne -> o { timeout 1s }\no -> p { breaker }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'timeout-mismatch'), text).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, arch('  gateway e\n  service o\n  service p\n  // archsight-ignore timeout-mismatch: async fallback\n  e -> o { timeout 1s }\n  o -> p { timeout 2s }'));
        expect(findingsOf(doc, 'timeout-mismatch')).toEqual([]);
    });
});

describe('retry-amplification', () => {
    const path = arch('  gateway edge\n  service orders\n  service payments\n  edge -> orders { timeout 5s retries 2 }\n  orders -> payments { timeout 1s retries 2 }');

    test('retries on two hops of one path multiply', async () => {
        const doc = await check(services, path);
        expect(findingsOf(doc, 'retry-amplification')).toEqual([
            "6:3 warning Retries on 2 hops of one path multiply: 'edge' → 'orders' (retries 2) and 'orders' → 'payments' (retries 2) can send 9 attempts to 'payments'.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'retry-amplification')[0])).toEqual(["5:3 'edge' retries 'orders' 2 times"]);
    });

    test('retries given by the mesh count on every hop', async () => {
        const doc = await check(services, arch('mesh m { timeout 1s retries 3\n service a\n service b\n service c }\na -> b\nb -> c'));
        expect(findingsOf(doc, 'retry-amplification')[0]).toContain('can send 16 attempts');
    });

    test('near misses: one retrying hop; retries 0', async () => {
        expect(findingsOf(await check(services, path.replace('retries 2 }\n  orders', 'breaker }\n  orders')), 'retry-amplification')).toEqual([]);
        expect(findingsOf(await check(services, path.replace('{ timeout 1s retries 2 }', '{ timeout 1s retries 0 }')), 'retry-amplification')).toEqual([]);
    });

    test('suppressed by a comment above the reported call', async () => {
        const doc = await check(services, path.replace('  orders -> payments', '  // archsight-ignore retry-amplification: idempotent and cheap\n  orders -> payments'));
        expect(findingsOf(doc, 'retry-amplification')).toEqual([]);
    });
});

describe('single-replica', () => {
    const depended = (replicas: string) => arch(`  service a
  service b
  client c
  service pricing { ${replicas} }
  a -> pricing { timeout 1s }
  b -> pricing { timeout 1s }
  c -> pricing`);

    test('one replica that three elements call', async () => {
        const doc = await check(services, depended('replicas 1'));
        expect(findingsOf(doc, 'single-replica')).toEqual(["5:11 warning 'pricing' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'."]);
        expect(relatedOf(diagnosticsOf(doc, 'single-replica')[0])).toEqual(["6:3 'a' depends on 'pricing'", "7:3 'b' depends on 'pricing'", "8:3 'c' depends on 'pricing'"]);
    });

    test('a queue counts its producers and consumers', async () => {
        const doc = await check(services, arch('service a\nservice b\nservice c\nqueue jobs { replicas 1 }\na ~> jobs\nb ~> jobs\njobs ~> c'));
        expect(findingsOf(doc, 'single-replica')).toHaveLength(1);
    });

    test('near misses: two replicas; replicas not written; two dependents', async () => {
        expect(findingsOf(await check(services, depended('replicas 2')), 'single-replica')).toEqual([]);
        expect(findingsOf(await check(services, depended('health')), 'single-replica')).toEqual([]);
        expect(findingsOf(await check(services, depended('replicas 1').replace('  c -> pricing', '')), 'single-replica')).toEqual([]);
    });

    test('a database server counts the users of the databases it hosts', async () => {
        const doc = await check(services, arch('service a\nservice b\nservice c\ndbserver mysql { replicas 1\n  database aDb { owner a }\n  database bDb { owner b }\n  database cDb { owner c }\n}\na -> aDb\nb -> bDb\nc -> cDb'));
        expect(findingsOf(doc, 'single-replica').map(f => f.replace(/^\S+ \S+ /, ''))).toEqual(["'mysql' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'."]);
        // Near miss: two of its databases in use.
        expect(findingsOf(await check(services, arch('service a\nservice b\ndbserver mysql { replicas 1\n  database aDb { owner a }\n  database bDb { owner b }\n}\na -> aDb\nb -> bDb')), 'single-replica')).toEqual([]);
    });

    test('near misses: calls made at startup only; a broker that only carries telemetry to a collector', async () => {
        expect(findingsOf(await check(services, depended('replicas 1').replace('b -> pricing { timeout 1s }', 'b -> pricing { timeout 1s startup }')), 'single-replica')).toEqual([]);
        const telemetry = 'service a\nservice b\nservice c\nbus mq { replicas 1 }\ncollector turbine { signal metrics }\na ~> mq\nb ~> mq\nc ~> mq\nmq ~> turbine';
        expect(findingsOf(await check(services, arch(telemetry)), 'single-replica')).toEqual([]);
        expect(findingsOf(await check(services, arch(telemetry + '\nservice d\nmq ~> d')), 'single-replica')).toHaveLength(1);
    });

    test('quick fix: replace the replica count', async () => {
        const doc = await check(services, depended('replicas 1'));
        const { text, findings, errors } = await fixAndRecheck(services, doc, 'single-replica', /2 replicas/);
        expect(text).toContain('service pricing { replicas 2 }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, depended('replicas 1').replace('  service pricing', '  // archsight-ignore single-replica: stateless, restarts in 1s\n  service pricing'));
        expect(findingsOf(doc, 'single-replica')).toEqual([]);
    });
});
