import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('esb-single-point-of-failure', () => {
    const soa = (esb: string, extra = '') => arch(`  service portal
  service crm
  service loans
  esb bus ${esb}
  portal -> bus { timeout 5s }
  bus -> crm { timeout 2s }
  bus ~> loans${extra}`);

    test('an ESB with one replica that several services talk through', async () => {
        const doc = await check(services, soa('{ replicas 1 }', '\n  loans -> crm { timeout 1s }'));
        expect(findingsOf(doc, 'esb-single-point-of-failure')).toEqual([
            "5:7 warning ESB 'bus' carries the traffic of 3 services ('portal', 'crm' and 'loans') and runs with 1 replica: when it stops, they all stop.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'esb-single-point-of-failure')[0])).toEqual([
            "6:3 'portal' talks through 'bus'", "7:3 'crm' talks through 'bus'", "8:3 'loans' talks through 'bus'",
        ]);
    });

    test('every service-to-service call crossing the ESB makes it one, whatever its replicas', async () => {
        const doc = await check(services, soa('{ replicas 3 }'));
        expect(findingsOf(doc, 'esb-single-point-of-failure')).toEqual([
            "5:7 warning Every service-to-service call crosses ESB 'bus' (3 services: 'portal', 'crm' and 'loans'): it is a single point of failure.",
        ]);
    });

    test('near misses: replicated with direct calls beside it; unknown replicas; one service only', async () => {
        expect(findingsOf(await check(services, soa('{ replicas 2 }', '\n  loans -> crm { timeout 1s }')), 'esb-single-point-of-failure')).toEqual([]);
        expect(findingsOf(await check(services, soa('', '\n  loans -> crm { timeout 1s }')), 'esb-single-point-of-failure')).toEqual([]);
        expect(findingsOf(await check(services, arch('service a\nesb bus { replicas 1 }\na -> bus { timeout 1s }')), 'esb-single-point-of-failure')).toEqual([]);
    });

    test('quick fix: run two replicas', async () => {
        const doc = await check(services, soa('{ replicas 1 }', '\n  loans -> crm { timeout 1s }'));
        const { text, findings, errors } = await fixAndRecheck(services, doc, 'esb-single-point-of-failure', /2 replicas/);
        expect(text).toContain('esb bus { replicas 2 }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment above the ESB', async () => {
        const text = soa('{ replicas 1 }').replace('  esb bus', '  // archsight-ignore esb-single-point-of-failure: replaced next quarter\n  esb bus');
        const doc = await check(services, text);
        expect(findingsOf(doc, 'esb-single-point-of-failure')).toEqual([]);
    });
});

describe('esb-business-logic', () => {
    test('an ESB or a bus that holds logic', async () => {
        const doc = await check(services, arch('  esb bus { logic "pricing rules" }\n  bus kafka { logic }'));
        expect(findingsOf(doc, 'esb-business-logic')).toEqual([
            `2:7 warning ESB 'bus' holds business logic ("pricing rules"): move it into the service that owns the decision.`,
            "3:7 warning Bus 'kafka' holds business logic: move it into the service that owns the decision.",
        ]);
    });

    test('near misses: logic false, logic in a service', async () => {
        const doc = await check(services, arch('  esb bus { logic false }\n  service pricing { logic "discounts" }'));
        expect(findingsOf(doc, 'esb-business-logic')).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, arch('  // archsight-ignore esb-business-logic: only format mapping\n  esb bus { logic "mapping" }'));
        expect(findingsOf(doc, 'esb-business-logic')).toEqual([]);
    });
});

describe('missing-api-gateway', () => {
    const direct = arch(`  client web
  service orders { exposure public }
  service catalog
  web -> orders : https "POST /orders"
  web -> catalog : https
  orders -> catalog { timeout 1s }`);

    test('a client that calls two services directly', async () => {
        const doc = await check(services, direct);
        expect(findingsOf(doc, 'missing-api-gateway')).toEqual([
            "2:10 warning Client 'web' calls 2 services directly ('orders' and 'catalog'), with no gateway in front of them.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'missing-api-gateway')[0])).toEqual(["5:3 'web' calls 'orders' directly", "6:3 'web' calls 'catalog' directly"]);
    });

    test('names the gateway the client bypasses', async () => {
        const doc = await check(services, direct.replace('  client web', '  client web\n  gateway edge'));
        expect(findingsOf(doc, 'missing-api-gateway')[0]).toContain("bypassing gateway 'edge'");
    });

    test('near misses: one service; through a gateway; messages', async () => {
        expect(findingsOf(await check(services, arch('client web\nservice a\nweb -> a')), 'missing-api-gateway')).toEqual([]);
        expect(findingsOf(await check(services, arch('client web\ngateway g\nservice a\nservice b\nweb -> g\ng -> a\ng -> b')), 'missing-api-gateway')).toEqual([]);
        expect(findingsOf(await check(services, arch('client web\nservice a\nservice b\nweb ~> a\nweb ~> b')), 'missing-api-gateway')).toEqual([]);
    });

    test('quick fix: insert a gateway; the client calls it, it calls the services', async () => {
        const doc = await check(services, direct);
        const { text, findings, errors } = await fixAndRecheck(services, doc, 'missing-api-gateway', /Insert gateway/);
        expect(text).toBe(arch(`  client web
  gateway apiGateway "API Gateway" { exposure public }
  apiGateway -> orders : https "POST /orders"
  apiGateway -> catalog : https
  service orders { exposure internal }
  service catalog
  web -> apiGateway : https "POST /orders"
  orders -> catalog { timeout 1s }`));
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('quick fix: route through the gateway that exists', async () => {
        const doc = await check(services, arch('  client web\n  gateway edge { timeout 2s }\n  service a\n  service b\n  web -> a\n  web -> b\n  edge -> a'));
        const { text, findings } = await fixAndRecheck(services, doc, 'missing-api-gateway', /through gateway 'edge'/);
        expect(text).toBe(arch('  client web\n  gateway edge { timeout 2s }\n  edge -> b\n  service a\n  service b\n  web -> edge\n  edge -> a'));
        expect(findings).toEqual([]);
    });

    test('suppressed by a comment above the client', async () => {
        const doc = await check(services, direct.replace('  client web', '  // archsight-ignore missing-api-gateway: internal admin tool\n  client web'));
        expect(findingsOf(doc, 'missing-api-gateway')).toEqual([]);
    });
});

describe('fixed-endpoint', () => {
    test('callers wired to a fixed address', async () => {
        const doc = await check(services, arch('  service orders\n  service billing\n  service payments { endpoint "10.0.4.17:8080" }\n  orders -> payments { timeout 1s }\n  billing ~> payments'));
        expect(findingsOf(doc, 'fixed-endpoint')).toEqual([
            `4:11 warning 'orders' and 'billing' call 'payments' at the fixed endpoint "10.0.4.17:8080", with no discovery.`,
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'fixed-endpoint')[0])).toEqual(["5:3 'orders' is wired to 'payments'", "6:3 'billing' is wired to 'payments'"]);
    });

    test('a DNS name with a port compiled into the caller; a call pinned to one instance of a registered service', async () => {
        const dns = await check(services, arch('  service web\n  service cart { endpoint "http://cart:8080" discovery dns }\n  web -> cart { timeout 1s }'));
        expect(findingsOf(dns, 'fixed-endpoint')).toEqual([`3:11 warning 'web' calls 'cart' at the DNS name and compiled-in port "http://cart:8080".`]);
        const pinned = await check(services, arch('  registry eureka\n  service a\n  service b { discovery registry }\n  a -> b { timeout 1s endpoint "b-1:8080" }\n  b -> eureka { startup }'));
        expect(findingsOf(pinned, 'fixed-endpoint')).toEqual([`5:3 warning 'a' calls 'b' at "b-1:8080", one instance of a service the registry knows: it bypasses discovery and load balancing.`]);
        // Near misses: a DNS name without a port, on the callee or on a call to a service nobody registers.
        expect(findingsOf(await check(services, arch('service web\nservice cart { endpoint "cart" discovery dns }\nweb -> cart { timeout 1s }')), 'fixed-endpoint')).toEqual([]);
        expect(findingsOf(await check(services, arch('service a\nservice b { discovery dns }\na -> b { endpoint "http://b/api" }')), 'fixed-endpoint')).toEqual([]);
    });

    test('an endpoint written on a call: a compiled-in port from any caller that runs code or routes, a pinned instance from a gateway', async () => {
        const dns = await check(services, arch('  service a\n  service b { discovery dns }\n  a -> b { endpoint "http://${B_HOST}:8080" }'));
        expect(findingsOf(dns, 'fixed-endpoint')).toEqual([`4:3 warning 'a' calls 'b' at the DNS name and compiled-in port "http://\${B_HOST}:8080".`]);
        const zuul = await check(services, arch('  registry eureka\n  gateway edge\n  service auth { discovery registry }\n  edge -> auth { endpoint "http://auth:5000" }\n  auth -> eureka { startup }'));
        expect(findingsOf(zuul, 'fixed-endpoint')).toEqual([`5:3 warning 'edge' calls 'auth' at "http://auth:5000", one instance of a service the registry knows: it bypasses discovery and load balancing.`]);
        // Near misses: a browser's URL; a third party's address.
        expect(findingsOf(await check(services, arch('client web\nservice b { discovery dns }\nweb -> b { endpoint "b:8080" }')), 'fixed-endpoint')).toEqual([]);
        expect(findingsOf(await check(services, arch('service a\nservice psp { external }\na -> psp { endpoint "psp.example.com:443" }')), 'fixed-endpoint')).toEqual([]);
    });

    test('discovery static says the same without an endpoint', async () => {
        const doc = await check(services, arch('  service orders\n  service payments { discovery static }\n  orders -> payments { timeout 1s }'));
        expect(findingsOf(doc, 'fixed-endpoint')).toEqual(["3:11 warning 'orders' calls 'payments' at a fixed address (discovery static), with no discovery."]);
    });

    test('near misses: discovery dns; in a mesh; registered; nobody calls it; only a client calls it', async () => {
        const quiet = [
            arch('service o\nservice p { endpoint "p.shop.svc" discovery dns }\no -> p { timeout 1s }'),
            arch('mesh m { service o service p { endpoint "p:80" } }\no -> p { timeout 1s }'),
            arch('service o\nservice p { endpoint "p:80" }\nregistry consul\np -> consul\no -> p { timeout 1s }'),
            arch('service p { endpoint "p:80" }'),
            arch('client web\nservice p { endpoint "p:80" }\nweb -> p'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'fixed-endpoint'), text).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, arch('  service orders\n  // archsight-ignore fixed-endpoint: legacy host\n  service payments { endpoint "10.0.4.17:8080" }\n  orders -> payments { timeout 1s }'));
        expect(findingsOf(doc, 'fixed-endpoint')).toEqual([]);
    });
});
