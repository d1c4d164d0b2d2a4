import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, diagnosticsOf, findingsOf, fixAndRecheck, relatedOf } from './rule-test-kit.js';

const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

describe('missing-sidecar', () => {
    const mesh = arch(`  mesh istio { timeout 2s breaker mtls
    control-plane cp { component pilot }
    service orders { sidecar ordersProxy : envoy }
    service ratings
  }
  orders -> ratings`);

    test('a mesh member without its proxy', async () => {
        const doc = await check(services, mesh);
        expect(findingsOf(doc, 'missing-sidecar')).toEqual(["5:13 warning 'ratings' is in mesh 'istio' but has no sidecar: its traffic bypasses the mesh."]);
        expect(relatedOf(diagnosticsOf(doc, 'missing-sidecar')[0])).toEqual(["2:8 mesh 'istio'"]);
    });

    test('near misses: with a sidecar; outside the mesh; control-plane members; gateways', async () => {
        const quiet = [
            mesh.replace('service ratings', 'service ratings { sidecar rp : envoy }'),
            arch('service a\nmesh m { control-plane cp { component pilot } }'),
            arch('mesh m { control-plane cp { component pilot } gateway ingress }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'missing-sidecar'), text).toEqual([]);
    });

    test('quick fix: add the sidecar the mesh uses', async () => {
        const { text, findings, errors } = await fixAndRecheck(services, await check(services, mesh), 'missing-sidecar', /Add sidecar 'ratingsProxy'/);
        expect(text).toContain('service ratings { sidecar ratingsProxy : envoy }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, mesh.replace('    service ratings', '    // archsight-ignore missing-sidecar: migrating\n    service ratings'));
        expect(findingsOf(doc, 'missing-sidecar')).toEqual([]);
    });
});

describe('sidecar-without-control-plane', () => {
    test('a sidecar outside any mesh, and one in a mesh without a control plane', async () => {
        const doc = await check(services, arch('  service a { sidecar aProxy : envoy }\n  mesh m {\n    service b { sidecar bProxy : envoy }\n  }'));
        expect(findingsOf(doc, 'sidecar-without-control-plane')).toEqual([
            "2:23 warning Sidecar 'aProxy' has no control plane to configure it: 'a' is in no mesh.",
            "4:25 warning Sidecar 'bProxy' has no control plane to configure it: mesh 'm' has no control plane.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'sidecar-without-control-plane')[0])).toEqual(["2:11 'aProxy' runs beside 'a'"]);
    });

    test('near misses: a mesh with a control plane; a sidecar linked to a control-plane member', async () => {
        const quiet = [
            arch('mesh m { control-plane cp { component pilot } service b { sidecar bp : envoy } }'),
            arch('mesh m { control-plane cp { component pilot } }\nservice a { sidecar ap : envoy }\npilot ~> ap : xds'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'sidecar-without-control-plane'), text).toEqual([]);
    });

    test('suppressed by a comment above the sidecar', async () => {
        const doc = await check(services, arch('  service a {\n    // archsight-ignore sidecar-without-control-plane: static envoy config\n    sidecar aProxy : envoy\n  }'));
        expect(findingsOf(doc, 'sidecar-without-control-plane')).toEqual([]);
    });
});

describe('unencrypted-traffic', () => {
    const plain = arch('  gateway edge { auth jwt }\n  service orders\n  service payments\n  edge -> orders : https\n  orders -> payments : grpc { timeout 1s }');

    test('plain-text service-to-service traffic, once the architecture talks about security', async () => {
        const doc = await check(services, plain);
        expect(findingsOf(doc, 'unencrypted-traffic')).toEqual(["6:3 warning Traffic from 'orders' to 'payments' is neither mTLS nor TLS."]);
    });

    test('stated plain text: tls none on the callee or the call, whatever the protocol', async () => {
        const callee = arch('service a { auth jwt }\nservice b { tls none }\na -> b : rest { timeout 1s }');
        expect(findingsOf(await check(services, callee), 'unencrypted-traffic')).toEqual(["4:1 warning Traffic from 'a' to 'b' is neither mTLS nor TLS."]);
        const call = arch('service a { auth jwt }\nservice b\na -> b { timeout 1s tls none }');
        expect(findingsOf(await check(services, call), 'unencrypted-traffic')).toEqual(["4:1 warning Traffic from 'a' to 'b' is neither mTLS nor TLS."]);
    });

    test('near miss: a call with no protocol and no tls written is unknown, not plain text', async () => {
        for (const text of [arch('service a { auth jwt }\nservice b\na -> b { timeout 1s }'), arch('service a { auth jwt }\nservice b\na -> b : rest { timeout 1s }')]) {
            expect(findingsOf(await check(services, text), 'unencrypted-traffic'), text).toEqual([]);
        }
    });

    test('near misses: nothing says security; tls on the call or callee; mTLS mesh; auth mtls; to a database', async () => {
        const quiet = [
            arch('service a\nservice b\na -> b { timeout 1s }'),
            arch('service a { auth jwt }\nservice b\na -> b { timeout 1s tls }'),
            arch('service a { auth jwt }\nservice b { tls }\na -> b { timeout 1s }'),
            arch('mesh m { mtls\n service a\n service b }\na -> b { timeout 1s }'),
            arch('service a\nservice b { auth mtls }\na -> b { timeout 1s }'),
            arch('service a { auth jwt }\ndatabase db\na -> db'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'unencrypted-traffic'), text).toEqual([]);
    });

    test('quick fix: encrypt the call with TLS', async () => {
        const { text, findings, errors } = await fixAndRecheck(services, await check(services, plain), 'unencrypted-traffic', /with TLS/);
        expect(text).toContain('orders -> payments : grpc { timeout 1s tls }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment above the call', async () => {
        const doc = await check(services, plain.replace('  orders -> payments', '  // archsight-ignore unencrypted-traffic: same pod\n  orders -> payments'));
        expect(findingsOf(doc, 'unencrypted-traffic')).toEqual([]);
    });
});

describe('public-non-gateway', () => {
    const exposed = arch('  client web\n  service orders { exposure public }\n  web -> orders : https');

    test('a service exposed to the public', async () => {
        const doc = await check(services, exposed);
        expect(findingsOf(doc, 'public-non-gateway')).toEqual([
            "3:11 warning Service 'orders' is exposed to the public but is not a gateway: put a gateway in front of it and make it internal.",
        ]);
        expect(relatedOf(diagnosticsOf(doc, 'public-non-gateway')[0])).toEqual(["4:3 'web' reaches 'orders' directly"]);
    });

    test('near misses: a public gateway; internal services; third-party components', async () => {
        const quiet = [
            arch('gateway g { exposure public }'),
            arch('service a { exposure internal }'),
            arch('component psp : stripe { exposure public }'),
        ];
        for (const text of quiet) expect(findingsOf(await check(services, text), 'public-non-gateway'), text).toEqual([]);
    });

    test('a database or a registry published to the public; near misses: internal, or a provider-managed store', async () => {
        const doc = await check(services, arch('  service orders\n  database ordersDb { exposure public owner orders }\n  registry eureka { exposure public }\n  orders -> ordersDb'));
        expect(findingsOf(doc, 'public-non-gateway')).toEqual([
            "3:12 warning Database 'ordersDb' is exposed to the public: only the services that use it should reach it; make it internal.",
            "4:12 warning Registry 'eureka' is exposed to the public: only the services that use it should reach it; make it internal.",
        ]);
        expect(findingsOf(await check(services, arch('service orders\ndatabase ordersDb { exposure internal }\nregistry eureka')), 'public-non-gateway')).toEqual([]);
        expect(findingsOf(await check(services, arch('database t : dynamodb { exposure public managed }')), 'public-non-gateway')).toEqual([]);
    });

    test('quick fix: insert a gateway and make the service internal', async () => {
        const { text, findings, errors } = await fixAndRecheck(services, await check(services, exposed), 'public-non-gateway', /Insert gateway/);
        expect(text).toBe(arch('  client web\n  service orders { exposure internal }\n  gateway apiGateway "API Gateway" { exposure public }\n  apiGateway -> orders : https\n  web -> apiGateway : https'));
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('suppressed by a comment', async () => {
        const doc = await check(services, exposed.replace('  service orders', '  // archsight-ignore public-non-gateway: webhook receiver\n  service orders'));
        expect(findingsOf(doc, 'public-non-gateway')).toEqual([]);
    });
});
