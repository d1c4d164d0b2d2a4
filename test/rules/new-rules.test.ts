import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { unverified } from '../../language-server/src/rules/resilience/unverified.js';
import { arch, check, createRuleTestServices, findingsOf, fixAndRecheck } from './rule-test-kit.js';

/** The rules added for issue 12: each with a case that fires and near misses that do not. */
const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

const findings = async (text: string, rule: string) => findingsOf(await check(services, arch(text)), rule).map(f => f.replace(/^\S+ \S+ /, ''));

describe('missing-circuit-breaker', () => {
    const base = 'gateway edge\nservice a\nservice b\nedge -> a { timeout 3s breaker }\n';
    test('a timeout, breaker none, no fallback, from a caller others call', async () => {
        expect(await findings(base + 'a -> b { timeout 1s breaker none }', 'missing-circuit-breaker')).toEqual([
            "Call 'a' → 'b' has a timeout but no circuit breaker or fallback: while 'b' is down, every request to 'a' waits out the timeout.",
        ]);
    });
    test('near misses: breaker unknown; a fallback; no timeout known; a caller nobody calls', async () => {
        for (const text of [
            base + 'a -> b { timeout 1s }',
            base + 'a -> b { timeout 1s breaker none fallback }',
            base + 'a -> b { timeout none breaker none }',
            'service a\nservice b\na -> b { timeout 1s breaker none }',
        ]) expect(await findings(text, 'missing-circuit-breaker'), text).toEqual([]);
    });
});

describe('cascading-failure', () => {
    const chain = (guard: string) => `gateway edge\nservice web\nservice a\nservice b\nservice core\nedge -> web { timeout 5s }\nweb -> a { timeout 3s }\nweb -> b { timeout 3s }\na -> core { timeout 1s ${guard} }\nb -> core { timeout 1s ${guard} }`;
    test('one finding for the element whose failure takes most down, naming them', async () => {
        expect(await findings(chain(''), 'cascading-failure')).toEqual([
            "When 'core' fails, 4 workloads fail with it through calls with neither breaker nor fallback (1 of 1 by blast radius): 'a', 'b', 'web' and 'edge'.",
        ]);
    });
    test('near misses: the calls into it have breakers, or fallbacks; the calls are startup calls', async () => {
        expect(await findings(chain('breaker'), 'cascading-failure')).toEqual([]);
        expect(await findings(chain('fallback "cached"'), 'cascading-failure')).toEqual([]);
        expect(await findings(chain('startup'), 'cascading-failure')).toEqual([]);
    });
});

describe('cascading-failure from a data store', () => {
    const store = (props: string) => `gateway edge\nservice web\nservice a\nservice b\ndatabase db { ${props} }\nedge -> web { timeout 5s }\nweb -> a { timeout 3s }\nweb -> b { timeout 3s }\na -> db\nb -> db`;
    test('a database whose failure takes its users down with them', async () => {
        expect(await findings(store('replicas 1'), 'cascading-failure')).toEqual([
            "When 'db' fails, 4 workloads fail with it through calls with neither breaker nor fallback (1 of 1 by blast radius): 'a', 'b', 'web' and 'edge'.",
        ]);
    });
    test('near misses: a provider-managed store; calls into it with a fallback', async () => {
        expect(await findings(store('managed'), 'cascading-failure')).toEqual([]);
        expect(await findings(store('replicas 1').replace('a -> db\nb -> db', 'a -> db { fallback "cache" }\nb -> db { fallback "cache" }'), 'cascading-failure')).toEqual([]);
    });
});

describe('no-observability-backend', () => {
    test('two services and no back end', async () => {
        expect(await findings('service a\nservice b\na -> b', 'no-observability-backend')).toEqual([
            "2 services and no metrics, logs or traces back end: nothing observes 'a' and 'b'.",
        ]);
    });
    test('near misses: one service; a back end; a monolith of modules', async () => {
        expect(await findings('service a', 'no-observability-backend')).toEqual([]);
        expect(await findings('service a\nservice b\nmetrics m\na ..> m', 'no-observability-backend')).toEqual([]);
        expect(await findings('monolith app { layer l { component x component y } }', 'no-observability-backend')).toEqual([]);
    });
    test('a stream aggregator and a dashboard that no service reports to are not a back end', async () => {
        const hystrix = 'service a\nservice b\nbus mq\ncollector turbine { signal metrics }\ndashboard board\na ~> mq\nb ~> mq\nmq ~> turbine\nboard -> turbine';
        expect(await findings(hystrix, 'no-observability-backend')).toHaveLength(1);
        // Near misses: the services report to the dashboard; a metrics back end behind the collector.
        expect(await findings(hystrix + '\na ..> board\nb ..> board', 'no-observability-backend')).toEqual([]);
        expect(await findings(hystrix + '\nmetrics prom\nturbine -> prom', 'no-observability-backend')).toEqual([]);
    });
});

describe('local-logging-only', () => {
    test('logs in local files, and on stdout with nothing to collect them', async () => {
        expect(await findings('service a { logging file }\nservice b { logging stdout }', 'local-logging-only')).toEqual([
            "'a' writes its logs to local files that nothing ships: they are lost with the instance.",
            "'b' writes its logs to stdout and nothing collects them: they are lost with the container.",
        ]);
    });
    test('near misses: a logs link; stdout with a shipper on the host; logging not written', async () => {
        expect(await findings('service a { logging file }\nlogs es\na ..> es', 'local-logging-only')).toEqual([]);
        expect(await findings('service b { logging stdout }\nshipper fb { signal logs }', 'local-logging-only')).toEqual([]);
        expect(await findings('service c', 'local-logging-only')).toEqual([]);
    });
});

describe('broken-trace-propagation', () => {
    const path = (a: string, b: string, c: string) => `traces jaeger\ngateway edge { propagation ${a} }\nservice x { propagation ${b} }\nservice y { propagation ${c} }\nedge -> x { timeout 1s }\nx -> y { timeout 1s }`;
    test('a service on the path that drops the context; a call between different formats', async () => {
        expect(await findings(path('w3c', 'none', 'w3c'), 'broken-trace-propagation')).toEqual(["'x' does not pass the trace context on: every trace through it breaks in two."]);
        expect(await findings(path('w3c', 'w3c', 'b3'), 'broken-trace-propagation')).toEqual(["'x' propagates w3c trace context but 'y' reads b3: traces break on this call."]);
    });
    test('near misses: one format throughout; none at the end of the path; an architecture that does not trace', async () => {
        expect(await findings(path('w3c', 'w3c', 'w3c'), 'broken-trace-propagation')).toEqual([]);
        expect(await findings(path('w3c', 'w3c', 'none'), 'broken-trace-propagation')).toEqual([]);
        expect(await findings('gateway edge\nservice x { propagation none }\nservice y\nedge -> x\nx -> y', 'broken-trace-propagation')).toEqual([]);
    });
});

describe('broken-trace-propagation on one call', () => {
    const path = (props: string) => `traces jaeger\ngateway edge { propagation w3c }\nservice x { propagation w3c }\nservice y { propagation w3c }\nedge -> x { timeout 1s }\nx -> y { timeout 1s ${props} }`;
    test('a call marked propagation none between two workloads', async () => {
        expect(await findings(path('propagation none'), 'broken-trace-propagation')).toEqual(["'x' does not pass the trace context on its call to 'y': traces break on this call."]);
    });
    test('near misses: the call propagates; an architecture that does not trace', async () => {
        expect(await findings(path('propagation w3c'), 'broken-trace-propagation')).toEqual([]);
        expect(await findings('service x\nservice y\nx -> y { propagation none }', 'broken-trace-propagation')).toEqual([]);
    });
    test('without a traces back end: the one call of a caller marked none among calls that are not', async () => {
        expect(await findings('service x\nservice y\nservice z\nx -> y { propagation none }\nx -> z', 'broken-trace-propagation')).toEqual(["'x' does not pass the trace context on its call to 'y': traces break on this call."]);
        expect(await findings('service x\nservice y\nservice z\nx -> y { propagation none }\nx -> z { propagation none }', 'broken-trace-propagation')).toEqual([]);
    });
});

describe('hardcoded-secret and excessive-privilege', () => {
    test('a literal secret; root, privileged and the Docker socket', async () => {
        expect(await findings('service a { secrets literal }', 'hardcoded-secret')).toHaveLength(1);
        expect(await findings('service a { root privileged docker-socket }', 'excessive-privilege')).toEqual([
            "'a' runs privileged (it can take over the host), and mounts the Docker socket (it can start any container on the host), and runs as root: a bug in it is a compromise of its host.",
        ]);
        expect(await findings('shipper fb { privileged host-mount }', 'excessive-privilege')).toEqual(["'fb' runs privileged (it can take over the host): a bug in it is a compromise of its host."]);
    });
    test('near misses: secrets from env or a store; root false; a shipper that mounts the host', async () => {
        expect(await findings('service a { secrets env }\nservice b { secrets store }', 'hardcoded-secret')).toEqual([]);
        expect(await findings('service a { root false }\nshipper fb { host-mount docker-socket }', 'excessive-privilege')).toEqual([]);
    });
});

describe('unauthenticated-traffic', () => {
    test('a call with auth none while another is authenticated', async () => {
        expect(await findings('service a\nservice b { auth jwt }\nservice c\na -> b\na -> c { auth none }', 'unauthenticated-traffic')).toEqual([
            "Call 'a' → 'c' is not authenticated, while 1 other call is: anyone inside the network can call 'c'.",
        ]);
    });
    test('near misses: nothing is authenticated; authentication unknown', async () => {
        expect(await findings('service a\nservice b { auth none }\nservice c\na -> b\na -> c { auth none }', 'unauthenticated-traffic')).toEqual([]);
        expect(await findings('service a\nservice b { auth jwt }\nservice c\na -> b\na -> c', 'unauthenticated-traffic')).toEqual([]);
    });
});

describe('shared-database-server and shared-library', () => {
    test('a server that hosts the databases of two services; a library two services use', async () => {
        expect(await findings('service a\nservice b\ndbserver pg { database da { owner a } database db { owner b } }\na -> da\nb -> db', 'shared-database-server')).toEqual([
            "Database server 'pg' is shared by 2 services: 'a' and 'b'; they fail, slow down and upgrade together.",
        ]);
        expect(await findings('library lib\nservice a { uses lib }\nservice b { uses lib }', 'shared-library')).toEqual([
            "Library 'lib' is built into 2 services, 'a' and 'b': a change to it is a release of all of them.",
        ]);
    });
    test('near misses: a server of one service; a third-party library; a library one service uses', async () => {
        expect(await findings('service a\ndbserver pg { database da { owner a } database dx { owner a } }\na -> da', 'shared-database-server')).toEqual([]);
        expect(await findings('library lib { external }\nservice a { uses lib }\nservice b { uses lib }', 'shared-library')).toEqual([]);
        expect(await findings('library lib\nservice a { uses lib }\nservice b', 'shared-library')).toEqual([]);
    });
});

describe('sync-fan-out: who waits', () => {
    const fan = (start: string) => `gateway edge\nservice h\nservice a\nservice b\nservice c\nservice d\nservice e\n${start}\nh -> a\nh -> b\nh -> c\nh -> d\nh -> e`;
    test('a handler that a request calls synchronously', async () => {
        expect(await findings(fan('edge -> h'), 'sync-fan-out')).toHaveLength(1);
    });
    test('near miss: a workflow that a message starts, with no caller waiting', async () => {
        expect(await findings(fan('edge ~> h'), 'sync-fan-out')).toEqual([]);
    });
});

describe('connection-bottleneck, sync-fan-out and retry-budget-exceeded', () => {
    test('a pool of 1 with two callers; five calls per request; retries in a loop that outlast the caller', async () => {
        expect(await findings('service a\nservice b\ndatabase d { pool 1 }\na -> d\nb -> d', 'connection-bottleneck')).toEqual([
            "'d' has a connection pool of 1 on a busy path: its requests queue one behind the other.",
        ]);
        expect(await findings('service h\nservice a\nservice b\nh -> a { repeat 4 }\nh -> b', 'sync-fan-out')).toEqual([
            "'h' makes 5 synchronous calls to other services per request (more than 4): 'a' and 'b'.",
        ]);
        expect(await findings('gateway g\nservice h\nservice r\ng -> h { timeout 2s }\nh -> r { timeout 500ms retries 1 repeat 3 }', 'retry-budget-exceeded')).toEqual([
            "'h' calls 'r' 3 times per request, each up to 1s (timeout 500ms, 2 attempts): 3s in all, but 'g' gives up on 'h' after 2s.",
        ]);
    });
    test('near misses: a pool of 1 with one internal caller; four calls; a loop within the caller\'s timeout', async () => {
        expect(await findings('service a\ndatabase d { pool 1 }\na -> d', 'connection-bottleneck')).toEqual([]);
        expect(await findings('service h\nservice a\nservice b\nh -> a { repeat 3 }\nh -> b', 'sync-fan-out')).toEqual([]);
        expect(await findings('gateway g\nservice h\nservice r\ng -> h { timeout 4s }\nh -> r { timeout 500ms retries 1 repeat 3 }', 'retry-budget-exceeded')).toEqual([]);
    });
});

describe('megaservice by neighbours: composers by design', () => {
    // 'hub' calls six services; each of the others has one or two neighbours.
    const graph = (kind: string, callers: string) => `${kind} hub\nservice s1\nservice s2\nservice s3\nservice s4\nservice s5\nservice s6\nclient web\n${callers}\nhub -> s1\nhub -> s2\nhub -> s3\nhub -> s4\nhub -> s5\nhub -> s6`;
    test('a service that many call and that calls many', async () => {
        expect(await findings(graph('service', 'web -> hub\ns1 -> hub\ns2 -> hub'), 'megaservice')).toEqual(["'hub' is a megaservice: 7 neighbours against a median of 1."]);
    });
    test('near misses: an orchestrator that one element calls; a front end', async () => {
        expect(await findings(graph('service', 'web -> hub'), 'megaservice')).toEqual([]);
        expect(await findings(graph('frontend', 'web -> hub\ns1 -> hub\ns2 -> hub'), 'megaservice')).toEqual([]);
    });
});

describe('megaservice, nanoservice and duplicated-service', () => {
    const sizes = (big: number, small: number) => `service a { loc ${big} }\nservice b { loc 5000 }\nservice c { loc 6000 }\nservice d { loc ${small} }\na -> b\nb -> c\nc -> d`;
    test('far above and far below the median size; two services with the same dependencies', async () => {
        expect(await findings(sizes(60000, 5500), 'megaservice')).toEqual(["'a' is a megaservice: 60000 lines of code against a median of 5750."]);
        expect(await findings(sizes(6000, 200), 'nanoservice')).toEqual(["'d' is a nanoservice: 200 lines of code against a median of 5500, and 1 neighbour."]);
        expect(await findings('service a\nservice b\nservice x\nservice y\ndatabase z\na -> x\na -> y\na -> z\nb -> x\nb -> y\nb -> z', 'duplicated-service')).toEqual([
            "'b' and 'a' depend on nearly the same elements (3 of 3: 'x', 'y' and 'z'): they may do the same job twice.",
        ]);
    });
    test('near misses: sizes near the median; sizes not written; overlapping but different dependencies', async () => {
        expect(await findings(sizes(9000, 4000), 'megaservice')).toEqual([]);
        expect(await findings(sizes(9000, 4000), 'nanoservice')).toEqual([]);
        expect(await findings('service a\nservice b\nservice c\nservice d\na -> b', 'nanoservice')).toEqual([]);
        expect(await findings('service a\nservice b\nservice x\nservice y\ndatabase z\ndatabase w\na -> x\na -> y\na -> z\nb -> x\nb -> y\nb -> w', 'duplicated-service')).toEqual([]);
    });
});

describe('unverified (opt-in)', () => {
    const open = async (text: string) => unverified.check(services.Arch.model.ModelProvider.getModel(await check(services, arch(text))), { thresholds: {} }).map(f => f.message);
    /** Everything about the call and both ends written, so that each case leaves one fact open. */
    const known = 'health "/h" probed replicas 2 secrets store root false logging shipped propagation w3c';
    const call = (props: string, callee = known) => `service a { ${known} }\nservice b { ${callee} }\na -> b : https { ${props} }`;
    const all = 'timeout 1s retries 0 breaker auth jwt';

    test('off by default', async () => {
        expect(findingsOf(await check(services, arch('service a\nservice b\na -> b')), 'unverified')).toEqual([]);
    });

    test('a call with nothing written lists every guard, its encryption and its authentication', async () => {
        expect(await open('service a\nservice b { health "/h" probed replicas 2 }\na -> b')).toEqual([
            "Call 'a' → 'b': timeout, retries, circuit breaker, fallback, encryption (tls/mtls) and authentication not known.",
            "'a': how it gets its credentials (secrets), its privileges (root, privileged, host mounts) and where it writes its logs (logging) not known.",
            "'b': how it gets its credentials (secrets), its privileges (root, privileged, host mounts) and where it writes its logs (logging) not known.",
        ]);
    });

    test('each call fact fires alone when it alone is open, and not when written (value, default or none)', async () => {
        const cases: Array<[string, string, string]> = [
            ['timeout', all.replace('timeout 1s ', ''), all.replace('timeout 1s', 'timeout none')],
            ['retries', all.replace('retries 0 ', ''), all.replace('retries 0', 'retries default')],
            ['circuit breaker', all.replace('breaker', 'fallback "cached"'), all.replace('breaker', 'breaker default')],
            ['fallback', all.replace('breaker', 'breaker none'), all.replace('breaker', 'breaker none fallback "cached"')],
            ['authentication', all.replace(' auth jwt', ''), all.replace('auth jwt', 'auth none')],
        ];
        for (const [fact, fires, miss] of cases) {
            expect(await open(call(fires)), fact).toEqual([`Call 'a' → 'b': ${fact} not known.`]);
            expect(await open(call(miss)), fact).toEqual([]);
        }
        // Encryption: no protocol and no tls; near misses: tls none, a plain protocol, mTLS from the mesh.
        const noProtocol = (props: string) => call(all).replace(' : https', '').replace(all, props);
        expect(await open(noProtocol(all))).toEqual(["Call 'a' → 'b': encryption (tls/mtls) not known."]);
        expect(await open(noProtocol(`${all} tls none`))).toEqual([]);
        expect(await open(call(all).replace(': https', ': http'))).toEqual([]);
        expect(await open(`mesh m { mtls timeout 1s retries 0 breaker\n service a { ${known} }\n service b { ${known} } }\na -> b`)).toEqual([]);
    });

    test('each element fact fires alone when it alone is open, and not when written', async () => {
        const cases: Array<[string, string, string]> = [
            ['health check', known.replace('health "/h" probed ', ''), known.replace('health "/h" probed', 'health none')],
            ['whether its health endpoint is probed', known.replace(' probed', ''), known.replace(' probed', ' probed none')],
            ['replicas', known.replace(' replicas 2', ''), known.replace('replicas 2', 'replicas 1')],
            ['how it gets its credentials (secrets)', known.replace(' secrets store', ''), known.replace('secrets store', 'secrets env')],
            ['its privileges (root, privileged, host mounts)', known.replace(' root false', ''), known.replace('root false', 'privileged')],
            ['where it writes its logs (logging)', known.replace(' logging shipped', ''), known.replace('logging shipped', 'logging none')],
        ];
        for (const [fact, fires, miss] of cases) {
            expect(await open(call(all, fires)), fact).toEqual([`'b': ${fact} not known.`]);
            expect(await open(call(all, miss)), fact).toEqual([]);
        }
    });

    test('trace propagation: open on a workload in the middle of a traced path; not where nothing traces or nothing is called', async () => {
        const path = (tracing: string) => `${tracing}service a { ${known} }\nservice b { ${known.replace(' propagation w3c', '')} }\nservice c { ${known} }\na -> b : https { ${all} }\nb -> c : https { ${all} }`;
        expect(await open(path(''))).toEqual(["'b': the trace context it propagates not known."]);
        // Without a traces back end, the other services' w3c still says the architecture traces; with none anywhere it does not.
        expect(await open(path('').replace(/ propagation w3c/g, ''))).toEqual([]);
        expect(await open(call(all, known.replace(' propagation w3c', '')))).toEqual([]);
    });

    test('near misses: external and managed elements, calls to data stores, startup calls', async () => {
        expect(await open('service a { external }\ncomponent x { managed }\ndatabase db\na -> db')).toEqual([]);
        expect(await open(`service a { ${known} }\nservice b { ${known} }\na -> b { startup }`)).toEqual([]);
    });
});

describe('missing-health-check (changed)', () => {
    test('fires on a called service even when no element declares health; and on an endpoint nothing probes', async () => {
        expect(await findings('service a\nservice b\na -> b', 'missing-health-check')).toEqual([
            "Service 'b' has no health check: others call it, and nothing can tell whether it is alive.",
        ]);
        expect(await findings('service a { health none }\nservice b { health "/h" probed none }\na -> b', 'missing-health-check').then(f => f.filter(x => !x.startsWith("Service 'a'")))).toEqual([
            "'b' offers a health endpoint that nothing probes: traffic keeps reaching it while it is stuck.",
        ]);
    });
    test('near misses: a service nobody calls; only a startup call; a probed endpoint; a front end others do not call', async () => {
        expect(await findings('service a', 'missing-health-check')).toEqual([]);
        expect(await findings('service a\nservice b\na -> b { startup }', 'missing-health-check').then(f => f.filter(x => !x.startsWith("Service 'a'")))).toEqual([]);
        expect(await findings('service a\nservice b { health "/h" probed }\na -> b', 'missing-health-check').then(f => f.filter(x => !x.startsWith("Service 'a'")))).toEqual([]);
        expect(await findings('frontend web { exposure public }\nservice b { health "/h" }\nweb -> b', 'missing-health-check')).toEqual(["Front end 'web' has no health check, while 'b' declares one."]);
    });
});

describe('public-non-gateway (changed)', () => {
    test('a public service fires; a public front end does not', async () => {
        expect(await findings('service a { exposure public }', 'public-non-gateway')).toHaveLength(1);
        expect(await findings('frontend web { exposure public }', 'public-non-gateway')).toEqual([]);
    });
});

describe('infrastructure-signals-only (reads origin)', () => {
    const base = 'service orders {\n sidecar proxy : envoy\n}\nmetrics prom : prometheus\nlogs loki : loki\n';
    test('fires when every metrics link of a service, its own or its sidecar\'s, is infrastructure; and for logs', async () => {
        expect(await findings(base + 'orders ..> prom { origin infrastructure }\nproxy ..> prom { origin infrastructure }', 'infrastructure-signals-only')).toEqual([
            "'orders' has only infrastructure metrics (from the platform, not its code): its request rate, errors and latency are not measured.",
        ]);
        expect(await findings(base + 'proxy ..> loki { origin infrastructure }', 'infrastructure-signals-only')).toEqual([
            "'orders' has only infrastructure logs (from the platform, not its code): what the code does and why it fails is not logged.",
        ]);
    });
    test('near misses: one application link; an origin not written (unknown); no link at all; a component', async () => {
        for (const text of [
            base + 'orders ..> prom { origin application }\nproxy ..> prom { origin infrastructure }',
            base + 'orders ..> prom\nproxy ..> prom { origin infrastructure }',
            base,
            'component c\nmetrics prom : prometheus\nc ..> prom { origin infrastructure }',
        ]) expect(await findings(text, 'infrastructure-signals-only'), text).toEqual([]);
    });
    test('quick fix: a link of application metrics; the finding is gone and the file still parses', async () => {
        const doc = await check(services, arch(base + 'orders ..> prom { origin infrastructure }'));
        const { text, findings: after, errors } = await fixAndRecheck(services, doc, 'infrastructure-signals-only', /application metrics/);
        expect(text).toContain('orders ..> prom : metrics { origin application }');
        expect(after).toEqual([]);
        expect(errors).toEqual([]);
    });
});
