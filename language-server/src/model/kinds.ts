/**
 * What each element and group kind means to the rules and the diagram. The grammar lists
 * the keywords; this table says how they behave.
 */

export type ElementKind =
    | 'client' | 'gateway' | 'service' | 'function' | 'esb' | 'bus' | 'queue' | 'database'
    | 'cache' | 'storage' | 'sidecar' | 'registry' | 'timer' | 'metrics' | 'logs' | 'traces'
    | 'agent' | 'collector' | 'shipper' | 'exporter' | 'alerting' | 'dashboard' | 'component'
    | 'frontend' | 'version' | 'dbserver' | 'library';

export type GroupKind = 'system' | 'boundary' | 'monolith' | 'layer' | 'mesh' | 'control-plane' | 'stack';

export type Signal = 'metrics' | 'logs' | 'traces';
export const SIGNALS: readonly Signal[] = ['metrics', 'logs', 'traces'];

/** The architectural tier an element belongs to; the diagram lays tiers out in this order. */
export type Tier = 'client' | 'edge' | 'compute' | 'messaging' | 'data' | 'observability' | 'platform';
export const TIER_ORDER: readonly Tier[] = ['client', 'edge', 'compute', 'messaging', 'data', 'platform', 'observability'];

export interface KindInfo {
    readonly tier: Tier;
    /** Runs code of its own: the things that call, fail and must be observed. */
    readonly workload: boolean;
    /** Holds data that services own. */
    readonly dataStore: boolean;
    /** Carries messages between others. */
    readonly messaging: boolean;
    /** An observability back end, and the signal it stores. */
    readonly backendSignal?: Signal;
    /** An observability helper: carries signals towards a back end or shows them. */
    readonly observabilityHelper: boolean;
    /** One line for hover and completion. */
    readonly summary: string;
}

function info(tier: Tier, summary: string, flags: Partial<Omit<KindInfo, 'tier' | 'summary'>> = {}): KindInfo {
    return { tier, summary, workload: false, dataStore: false, messaging: false, observabilityHelper: false, ...flags };
}

export const ELEMENT_KINDS: Readonly<Record<ElementKind, KindInfo>> = {
    client: info('client', 'A user-facing client: browser, mobile app, partner system.'),
    gateway: info('edge', 'An API gateway or edge proxy: the single entry point for clients.'),
    service: info('compute', 'A deployable service with its own process.', { workload: true }),
    function: info('compute', 'A serverless function, started by triggers and scaled per request.', { workload: true }),
    esb: info('messaging', 'An enterprise service bus: routes and transforms messages between SOA services.', { messaging: true }),
    bus: info('messaging', 'A message broker or event bus (publish/subscribe).', { messaging: true }),
    queue: info('messaging', 'A point-to-point message queue.', { messaging: true }),
    database: info('data', 'A database.', { dataStore: true }),
    cache: info('data', 'An in-memory cache.', { dataStore: true }),
    storage: info('data', 'Object or file storage.', { dataStore: true }),
    sidecar: info('platform', 'A proxy deployed beside a service (Envoy in a mesh).'),
    registry: info('platform', 'A service registry for discovery (Consul, Eureka).'),
    timer: info('edge', 'A scheduler that fires on a timetable.'),
    metrics: info('observability', 'A metrics back end (Prometheus).', { backendSignal: 'metrics' }),
    logs: info('observability', 'A log back end (Elasticsearch).', { backendSignal: 'logs' }),
    traces: info('observability', 'A tracing back end (Jaeger, Zipkin).', { backendSignal: 'traces' }),
    agent: info('observability', 'An observability agent on each host (Jaeger agent, node exporter).', { observabilityHelper: true }),
    collector: info('observability', 'A collector that receives, filters and forwards signals (Jaeger collector, Logstash).', { observabilityHelper: true }),
    shipper: info('observability', 'A log shipper on each host (Filebeat, Fluent Bit).', { observabilityHelper: true }),
    exporter: info('observability', 'An exporter or push gateway that exposes metrics for scraping.', { observabilityHelper: true }),
    alerting: info('observability', 'Alert routing and notification (Alertmanager).', { observabilityHelper: true }),
    dashboard: info('observability', 'Dashboards and search UIs (Grafana, Kibana, Jaeger UI).', { observabilityHelper: true }),
    component: info('compute', 'Anything else: a module, a library, a job.', { workload: true }),
    frontend: info('edge', 'A front end that runs code: a web UI server, a server-rendered site, a back end for a mobile app (BFF).', { workload: true }),
    version: info('compute', 'One deployment of a service, declared inside it (a canary beside the stable release).'),
    dbserver: info('data', 'A database server or instance that hosts several databases, declared inside it.'),
    library: info('platform', 'A library that services are built with (`uses` in their body).'),
};

export const GROUP_KINDS: Readonly<Record<GroupKind, string>> = {
    system: 'A system: a domain or product drawn as a box.',
    boundary: 'A boundary: a trust zone, network or team boundary.',
    monolith: 'A monolith: one deployable made of stacked layers.',
    layer: 'A layer of a monolith; layers are stacked in the order they are written.',
    mesh: 'A service mesh: its members carry sidecars configured by its control plane.',
    'control-plane': 'The control plane of a mesh (Istio: Pilot, Citadel, Galley).',
    stack: 'An observability stack (metrics, logs or traces and their helpers).',
};

export function isObservabilityKind(kind: ElementKind): boolean {
    const k = ELEMENT_KINDS[kind];
    return k.backendSignal !== undefined || k.observabilityHelper;
}
