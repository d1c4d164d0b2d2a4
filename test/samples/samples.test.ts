import { beforeAll, describe, expect, test } from 'vitest';
import { ELEMENT_KINDS } from '../../language-server/src/model/kinds.js';
import type { ArchModel, ModelElement } from '../../language-server/src/model/model-types.js';
import { loadSamples, query, sampleFiles } from './sample-model.js';

/**
 * The samples are the product's showcase: each must be valid and must contain what the
 * architecture it stands for really has. Asserted on the semantic model, as a reviewer
 * would read the diagram.
 */

const FILES = await sampleFiles();
let samples: Awaited<ReturnType<typeof loadSamples>>;
beforeAll(async () => {
    samples = await loadSamples();
});
const model = (file: string): ArchModel => samples.modelOf(file);

describe('every sample', () => {
    test('the design table and the evolution story are all there', () => {
        expect(FILES).toEqual(expect.arrayContaining([
            'monolith.arch', 'soa-esb.arch', 'microservices.arch', 'service-mesh-istio.arch', 'faas.arch',
            'observability-prometheus.arch', 'observability-efk.arch', 'observability-jaeger-hotrod.arch',
            'evolution/1-monolith.arch', 'evolution/2-soa.arch', 'evolution/3-microservices.arch',
            'evolution/4-mesh.arch', 'evolution/5-faas.arch',
        ]));
    });

    test.each(FILES)('%s parses and validates without errors', file => {
        const doc = samples.documents.get(file)!;
        const errors = (doc.diagnostics ?? []).filter(d => d.severity === 1)
            .map(d => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
        expect(errors).toEqual([]);
    });

    // The smells each sample's header comment owns up to: the reviewer must find them.
    test.each([
        ['monolith.arch', ['layer-skipping']],
        ['soa-esb.arch', ['esb-single-point-of-failure', 'esb-business-logic', 'shared-database']],
        ['service-mesh-istio.arch', ['retry-amplification']],
        ['faas.arch', ['function-calls-function']],
        ['observability-prometheus.arch', ['foreign-data-access']],
        ['observability-jaeger-hotrod.arch', ['missing-timeout']],
        ['evolution/2-soa.arch', ['esb-single-point-of-failure', 'esb-business-logic', 'shared-database', 'deep-sync-chain', 'unencrypted-traffic']],
        ['evolution/3-microservices.arch', ['unencrypted-traffic']],
    ])('%s shows the smells it announces: %s', (file, codes) => {
        const found = (samples.documents.get(file)!.diagnostics ?? []).map(d => d.code);
        expect(found).toEqual(expect.arrayContaining(codes));
    });

    test.each(FILES.filter(f => !f.endsWith('shop-outside.arch')))('%s is an architecture of 15 to 60 elements', file => {
        const m = model(file);
        expect(m.title).toBeTruthy();
        expect(m.elements.size).toBeGreaterThanOrEqual(15);
        expect(m.elements.size).toBeLessThanOrEqual(60);
    });
});

describe('monolith', () => {
    test.each(['monolith.arch', 'evolution/1-monolith.arch'])('%s: one deployable of four stacked layers with components inside', file => {
        const m = model(file);
        const monoliths = [...m.groups.values()].filter(g => g.kind === 'monolith');
        expect(monoliths).toHaveLength(1);
        const layers = monoliths[0].groupIds.map(id => m.groups.get(id)!);
        expect(layers.map(l => l.kind)).toEqual(['layer', 'layer', 'layer', 'layer']);
        expect(layers.map(l => l.label)).toEqual(['Presentation', 'Business logic', 'Data access', 'Database'].map(label => expect.stringContaining(label)));
        const q = query(m);
        for (const layer of layers.slice(0, 3)) expect(q.inGroup(layer.id).every(e => e.kind === 'component')).toBe(true);
        expect(q.inGroup(layers[3].id).map(e => e.kind)).toEqual(['database']);
    });

    test('calls go down one layer at a time, except the one shortcut the sample owns up to', () => {
        const m = model('monolith.arch');
        const layers = [...m.groups.values()].filter(g => g.kind === 'layer').map(l => l.id);
        const layerOf = (id: string) => layers.indexOf(m.elements.get(id)?.groupId ?? '');
        const between = m.relations.filter(r => r.kind === 'sync' && layerOf(r.sourceId) >= 0 && layerOf(r.targetId) >= 0);
        expect(between.length).toBeGreaterThan(10);
        expect(between.filter(r => layerOf(r.targetId) <= layerOf(r.sourceId)).map(query(m).link)).toEqual([]);
        expect(between.filter(r => layerOf(r.targetId) > layerOf(r.sourceId) + 1).map(query(m).link)).toEqual(['salesReport -> orderMapper']);
    });
});

describe('SOA with an ESB', () => {
    test.each(['soa-esb.arch', 'evolution/2-soa.arch'])('%s: consumers and providers talk only through the ESB', file => {
        const q = query(model(file));
        const [esb, ...others] = q.ofKind('esb');
        expect(others).toEqual([]);
        const services = q.ofKind('service');
        expect(services.length).toBeGreaterThanOrEqual(5);
        // No service calls or messages another service directly.
        const bypassing = q.relations().filter(r => r.kind !== 'observe'
            && q.element(r.sourceId).kind === 'service' && q.element(r.targetId).kind === 'service');
        expect(bypassing.map(q.link)).toEqual([]);
        // Every service reaches the ESB, directly or through a queue that the ESB also uses.
        const touches = (a: string, b: string) => q.relations().some(r => (r.sourceId === a && r.targetId === b) || (r.sourceId === b && r.targetId === a));
        const queues = q.ofKind('queue').filter(queue => touches(queue.id, esb.id));
        const unreached = services.filter(s => !touches(s.id, esb.id) && !queues.some(queue => touches(s.id, queue.id)));
        expect(unreached.map(s => s.id)).toEqual([]);
        // Clients reach the ESB or a gateway, never a provider.
        const clientTargets = q.relations('sync').filter(r => q.element(r.sourceId).kind === 'client').map(r => q.element(r.targetId).kind);
        expect(new Set(clientTargets)).toEqual(new Set(clientTargets.filter(k => k === 'esb' || k === 'gateway')));
    });

    test('the bank ESB routes, transforms, carries logic and runs once: the smell the reviewer must find', () => {
        const esb = query(model('soa-esb.arch')).element('esb');
        expect(esb.properties).toMatchObject({ replicas: 1, logic: expect.stringContaining('orchestration') });
        expect(esb.properties.description).toMatch(/route.*transform/);
    });
});

describe('microservices', () => {
    test.each(['microservices.arch', 'evolution/3-microservices.arch'])('%s: gateway, a database per service, guarded calls, events, discovery, observability', file => {
        const q = query(model(file));
        const services = q.ofKind('service');
        expect(services.length).toBeGreaterThanOrEqual(7);
        // Clients come in through the gateway only.
        const clientCalls = q.relations('sync').filter(r => q.element(r.sourceId).kind === 'client');
        expect(clientCalls.map(r => q.element(r.targetId).kind)).toEqual(clientCalls.map(() => 'gateway'));
        // Every data store has an owner, and only its owner reads it.
        const stores = q.elements.filter(e => ELEMENT_KINDS[e.kind].dataStore);
        expect(stores.filter(s => !s.ownerId).map(s => s.id)).toEqual([]);
        const foreign = q.relations('sync').filter(r => stores.some(s => s.id === r.targetId && s.ownerId !== r.sourceId));
        expect(foreign.map(q.link)).toEqual([]);
        // Synchronous calls between workloads carry a timeout and a circuit breaker.
        const calls = q.relations('sync').filter(r => isCaller(q.element(r.sourceId)) && isCaller(q.element(r.targetId)));
        expect(calls.length).toBeGreaterThanOrEqual(8);
        expect(calls.filter(r => r.properties.timeout === undefined || r.properties.breaker !== true).map(q.link)).toEqual([]);
        expect(new Set(calls.map(r => r.protocol))).toEqual(new Set(['rest', 'grpc', 'https']));
        // Events through a broker: several publishers, several subscribers.
        const [bus] = q.ofKind('bus');
        expect(q.relations('async').filter(r => r.targetId === bus.id).length).toBeGreaterThanOrEqual(3);
        expect(q.relations('async').filter(r => r.sourceId === bus.id).length).toBeGreaterThanOrEqual(4);
        // Discovery: a registry that callers ask, and services that say how they are found.
        const [registry] = q.ofKind('registry');
        expect(q.relations('sync').some(r => r.targetId === registry.id)).toBe(true);
        expect(services.filter(s => s.properties.discovery === undefined).map(s => s.id)).toEqual(file === 'microservices.arch' ? ['identity', 'notifications'] : []);
        // Every service is scraped, logged and traced.
        expect(services.filter(s => q.signalsOf(s.id).size < 3).map(s => s.id)).toEqual([]);
    });
});

describe('service mesh', () => {
    test.each(['service-mesh-istio.arch', 'evolution/4-mesh.arch'])('%s: a control plane and members that all carry Envoy sidecars with the call policies', file => {
        const m = model(file);
        const q = query(m);
        const [mesh, ...more] = [...m.groups.values()].filter(g => g.kind === 'mesh');
        expect(more).toEqual([]);
        const controlPlane = [...m.groups.values()].find(g => g.kind === 'control-plane');
        expect(controlPlane?.parentId).toBe(mesh.id);
        expect(q.inGroup(controlPlane!.id).map(e => e.label)).toEqual(['Pilot', 'Citadel', 'Galley']);
        const members = q.inGroup(mesh.id).filter(e => e.groupId !== controlPlane!.id && e.kind === 'service');
        expect(members.length).toBeGreaterThanOrEqual(6);
        for (const member of members) {
            expect(member.sidecarIds, member.id).toHaveLength(1);
            const sidecar = q.element(member.sidecarIds[0]);
            expect(sidecar.technology).toBe('envoy');
            expect(sidecar.properties).toMatchObject({ timeout: expect.any(Number), breaker: true, mtls: true });
            // Pilot pushes configuration to every sidecar.
            expect(q.links('async')).toContain(`pilot ~> ${sidecar.id}`);
        }
        expect(q.inGroup(mesh.id).filter(e => e.kind === 'gateway')).toHaveLength(1);
        // Policies moved out of the code: calls between members carry none of their own.
        const memberIds = new Set(members.map(e => e.id));
        const memberCalls = q.relations('sync').filter(r => memberIds.has(r.sourceId) && memberIds.has(r.targetId));
        expect(memberCalls.length).toBeGreaterThanOrEqual(3);
        expect(memberCalls.filter(r => Object.keys(r.properties).length > 0).map(q.link)).toEqual([]);
        // Telemetry comes from the proxies.
        for (const member of members) expect(q.signalsOf(member.id), member.id).toEqual(expect.objectContaining(new Set(['metrics', 'traces'])));
    });
});

describe('functions', () => {
    test.each(['faas.arch', 'evolution/5-faas.arch'])('%s: functions started by triggers, calling managed back ends', file => {
        const q = query(model(file));
        const functions = q.ofKind('function');
        expect(functions.length).toBeGreaterThanOrEqual(7);
        expect(q.ofKind('service')).toEqual([]);
        const triggers = q.relations('trigger');
        expect(functions.filter(f => !triggers.some(t => t.targetId === f.id)).map(f => f.id)).toEqual([]);
        const sourceKinds = new Set(triggers.map(t => q.element(t.sourceId).kind));
        expect([...sourceKinds]).toEqual(expect.arrayContaining(['gateway', 'storage', 'queue', 'logs', 'timer']));
        const backEnds = q.elements.filter(e => ELEMENT_KINDS[e.kind].dataStore || ELEMENT_KINDS[e.kind].messaging);
        expect(backEnds.filter(e => e.properties.managed !== true).map(e => e.id)).toEqual([]);
        for (const f of functions) expect(f.properties, f.id).toMatchObject({ memory: expect.any(Number), timeout: expect.any(Number) });
    });

    test('the one function that waits for another is the smell the sample owns up to', () => {
        const q = query(model('faas.arch'));
        const fnToFn = q.relations('sync').filter(r => q.element(r.sourceId).kind === 'function' && q.element(r.targetId).kind === 'function');
        expect(fnToFn.map(q.link)).toEqual(['createUploadUrl -> checkQuota']);
    });
});

describe('observability', () => {
    test('Prometheus pulls from client libraries and exporters, short jobs push, Alertmanager and Grafana follow', () => {
        const q = query(model('observability-prometheus.arch'));
        const prometheus = q.element('prometheus');
        expect(prometheus).toMatchObject({ kind: 'metrics', properties: { alerts: expect.any(Number) } });
        expect(prometheus.properties.alerts).toBeGreaterThan(0);
        expect(q.ofKind('service').filter(s => !q.links('observe').includes(`${s.id} ..> prometheus`)).map(s => s.id)).toEqual([]);
        const exporters = q.ofKind('exporter');
        expect(exporters.length).toBeGreaterThanOrEqual(5);
        expect(exporters.filter(e => !q.links('observe').includes(`${e.id} ..> prometheus`)).map(e => e.id)).toEqual([]);
        expect(q.element('pushgateway').technology).toBe('pushgateway');
        expect(q.links()).toEqual(expect.arrayContaining([
            'nightlyBilling ..> pushgateway', 'prometheus ..> alertmanager', 'grafana -> prometheus', 'prometheus -> kubeApi',
        ]));
        expect(q.relations('observe').filter(r => r.targetId === 'prometheus').every(r => r.signal === 'metrics')).toBe(true);
    });

    test('EFK: shipper → bus → collector → logs → dashboard, with a Filebeat on every host', () => {
        const m = model('observability-efk.arch');
        const q = query(m);
        const chain = q.ofKind('shipper').flatMap(s => q.relations('async').filter(r => r.sourceId === s.id)
            .flatMap(toBus => q.relations('async').filter(r => r.sourceId === toBus.targetId)
                .flatMap(toCollector => q.relations('observe').filter(r => r.sourceId === toCollector.targetId)
                    .flatMap(toLogs => q.relations('sync').filter(r => r.targetId === toLogs.targetId)
                        .map(read => [s.id, toBus.targetId, toCollector.targetId, toLogs.targetId, read.sourceId].map(id => q.element(id).kind))))));
        expect(chain).toContainEqual(['shipper', 'bus', 'collector', 'logs', 'dashboard']);
        const hosts = [...m.groups.values()].filter(g => g.kind === 'boundary');
        expect(hosts.length).toBeGreaterThanOrEqual(3);
        for (const host of hosts) {
            const onHost = q.inGroup(host.id);
            const [shipper, ...more] = onHost.filter(e => e.kind === 'shipper');
            expect(more, host.id).toEqual([]);
            // Everything that runs on the host logs to the Filebeat beside it.
            for (const e of onHost.filter(x => x.kind !== 'shipper')) {
                expect(q.relations('observe').filter(r => r.sourceId === e.id).map(r => `${r.targetId}:${r.signal}`), e.id).toEqual([`${shipper.id}:logs`]);
            }
        }
    });

    test('HotROD: the four services and their stores, reporting spans through agent and collector to storage', () => {
        const q = query(model('observability-jaeger-hotrod.arch'));
        const kinds = Object.fromEntries(['frontend', 'customer', 'driver', 'route', 'mysql', 'redis'].map(id => [id, q.element(id).kind]));
        expect(kinds).toEqual({ frontend: 'service', customer: 'service', driver: 'service', route: 'service', mysql: 'database', redis: 'cache' });
        expect(q.element('mysql').ownerId).toBe('customer');
        expect(q.element('redis').ownerId).toBe('driver');
        expect(q.links('sync')).toEqual(expect.arrayContaining([
            'rider -> frontend', 'frontend -> customer', 'frontend -> driver', 'frontend -> route', 'customer -> mysql', 'driver -> redis',
        ]));
        for (const id of ['frontend', 'customer', 'driver', 'route']) {
            expect(q.relations('observe').filter(r => r.sourceId === id).map(r => `${q.element(r.targetId).kind}:${r.signal}`)).toEqual(['agent:traces']);
        }
        expect(q.links()).toEqual(expect.arrayContaining([
            'jaegerAgent ..> jaegerCollector', 'jaegerCollector ..> cassandra', 'jaegerQuery -> cassandra', 'jaegerUi -> jaegerQuery',
        ]));
        expect(q.element('cassandra').kind).toBe('traces');
        expect(q.element('jaegerUi').kind).toBe('dashboard');
    });
});

describe('evolution of Acme Shop', () => {
    const STAGES = ['1-monolith', '2-soa', '3-microservices', '4-mesh', '5-faas'].map(s => `evolution/${s}.arch`);

    test('five stages in order, each importing the world around the shop', () => {
        expect(STAGES.map(f => model(f).title)).toEqual([1, 2, 3, 4, 5].map(n => expect.stringMatching(new RegExp(`^Acme Shop ${n}/5: `))));
        for (const file of STAGES) {
            expect(samples.documents.get(file)!.parseResult.value.imports.map(i => i.path)).toEqual(['shop-outside.arch']);
        }
    });

    test('each stage has the shape of its style', () => {
        const shape = (file: string) => {
            const m = model(file);
            const q = query(m);
            return {
                monolith: [...m.groups.values()].some(g => g.kind === 'monolith'),
                esb: q.ofKind('esb').length > 0,
                bus: q.ofKind('bus').length > 0,
                mesh: [...m.groups.values()].some(g => g.kind === 'mesh'),
                functions: q.ofKind('function').length > 0,
            };
        };
        expect(STAGES.map(shape)).toEqual([
            { monolith: true, esb: false, bus: false, mesh: false, functions: false },
            { monolith: false, esb: true, bus: false, mesh: false, functions: false },
            { monolith: false, esb: false, bus: true, mesh: false, functions: false },
            { monolith: false, esb: false, bus: true, mesh: true, functions: false },
            { monolith: false, esb: false, bus: true, mesh: false, functions: true },
        ]);
    });

    test('the shared partners are used in every stage', () => {
        for (const file of STAGES) {
            const q = query(model(file));
            for (const partner of ['web', 'psp', 'mailer', 'carrier']) {
                expect(q.relations().some(r => r.sourceId === partner || r.targetId === partner), `${file}: ${partner}`).toBe(true);
            }
        }
    });
});

/** Workloads and gateways: the things whose calls need a timeout and a breaker. */
function isCaller(e: ModelElement): boolean {
    return ELEMENT_KINDS[e.kind].workload || e.kind === 'gateway';
}
