import type { ElementKind, GroupKind } from './kinds.js';

/**
 * The properties the language knows, what values they take and where they may be
 * written. Validation reads this table; so do completion and hover.
 */

export type PropertyType =
    | { readonly type: 'count'; readonly min: number; readonly max?: number }
    | { readonly type: 'duration' }
    | { readonly type: 'size' }
    | { readonly type: 'flag' }
    | { readonly type: 'text' }
    | { readonly type: 'enum'; readonly values: readonly string[] }
    | { readonly type: 'flag-or-text' };

export type PropertyOwner = ElementKind | GroupKind | 'relation';

export interface PropertySpec {
    readonly value: PropertyType;
    /**
     * Also takes `none` (stated absent) and `default` (the platform's default, as Envoy's
     * or nginx's). Left unwritten, the value is unknown: rules do not read that as absent.
     */
    readonly states?: true;
    /** Where the property may be written; `undefined` means anywhere. */
    readonly on?: readonly PropertyOwner[];
    readonly doc: string;
}

const CALLERS: readonly PropertyOwner[] = ['relation', 'sidecar', 'mesh', 'gateway', 'frontend'];
// A function's own timeout limits its run; a caller's timeout limits its wait.
const TIMED: readonly PropertyOwner[] = [...CALLERS, 'function'];
const RUNNING: readonly PropertyOwner[] = [
    'service', 'function', 'gateway', 'esb', 'bus', 'queue', 'database', 'cache', 'storage', 'registry',
    'metrics', 'logs', 'traces', 'agent', 'collector', 'shipper', 'exporter', 'alerting', 'dashboard', 'component',
    'sidecar', 'monolith', 'frontend', 'version', 'dbserver'
];
const WORKLOADS: readonly PropertyOwner[] = ['service', 'function', 'gateway', 'frontend', 'component', 'version', 'esb', 'sidecar', 'monolith',
    'agent', 'collector', 'shipper', 'exporter', 'registry', 'bus', 'queue', 'database', 'cache', 'dbserver', 'metrics', 'logs', 'traces', 'alerting', 'dashboard'];

export const PROPERTIES: Readonly<Record<string, PropertySpec>> = {
    replicas: { value: { type: 'count', min: 0, max: 100000 }, on: RUNNING, doc: 'How many instances run.' },
    timeout: { value: { type: 'duration' }, states: true, on: TIMED, doc: 'How long a caller waits before giving up (500ms, 2s, 1m).' },
    retries: { value: { type: 'count', min: 0, max: 100 }, states: true, on: CALLERS, doc: 'How many times a failed call is retried.' },
    breaker: { value: { type: 'flag' }, states: true, on: CALLERS, doc: 'A circuit breaker guards the call.' },
    managed: { value: { type: 'flag' }, doc: 'A managed back end (BaaS) run by the cloud provider.' },
    exposure: { value: { type: 'enum', values: ['public', 'internal', 'private'] }, doc: 'Who can reach it: public, internal or private.' },
    auth: { value: { type: 'enum', values: ['none', 'basic', 'apikey', 'jwt', 'oauth2', 'mtls'] }, doc: 'How callers authenticate.' },
    tls: { value: { type: 'flag' }, states: true, doc: 'Traffic is encrypted with TLS.' },
    mtls: { value: { type: 'flag' }, states: true, doc: 'Traffic is mutually authenticated and encrypted (mTLS).' },
    discovery: { value: { type: 'enum', values: ['dns', 'registry', 'mesh', 'gateway', 'static'] }, doc: 'How callers find it.' },
    endpoint: { value: { type: 'text' }, doc: 'A fixed address (host:port or URL) that callers use.' },
    health: { value: { type: 'flag-or-text' }, states: true, doc: 'A health check: a flag or the path of the endpoint ("/healthz").' },
    deployment: { value: { type: 'text' }, doc: 'The deployment unit it is packaged in.' },
    logic: { value: { type: 'flag-or-text' }, doc: 'Business logic that lives in it; in an ESB or bus this is a smell.' },
    signal: { value: { type: 'enum', values: ['metrics', 'logs', 'traces'] }, doc: 'The signal an observability helper carries.' },
    alerts: { value: { type: 'count', min: 0 }, doc: 'The number of alert rules configured.' },
    volume: { value: { type: 'enum', values: ['low', 'medium', 'high'] }, doc: 'How much it produces or carries.' },
    memory: { value: { type: 'size' }, doc: 'Memory of a function or container (512mb, 1gb).' },
    concurrency: { value: { type: 'count', min: 1 }, doc: 'How many requests one instance handles at once.' },
    schedule: { value: { type: 'text' }, doc: 'When a timer fires ("rate(5 minutes)", "0 3 * * *").' },
    port: { value: { type: 'count', min: 1, max: 65535 }, doc: 'The port it listens on.' },
    description: { value: { type: 'text' }, doc: 'A longer description, shown on hover.' },
    external: { value: { type: 'flag' }, doc: 'Run by a third party, outside our control.' },
    'connect-timeout': { value: { type: 'duration' }, states: true, on: TIMED, doc: 'How long a caller waits to open a connection (not a request timeout).' },
    fallback: { value: { type: 'flag-or-text' }, states: true, on: CALLERS, doc: 'What the caller does when the call fails ("cached prices"), or `none`.' },
    startup: { value: { type: 'flag' }, on: ['relation'], doc: 'Made at startup or by the platform (configuration, registration, key discovery), not per request.' },
    secrets: { value: { type: 'enum', values: ['literal', 'env', 'file', 'store', 'none'] }, on: WORKLOADS, doc: 'How it gets its credentials: literal (in code or config), env, file, store (a secret store) or none.' },
    root: { value: { type: 'flag' }, on: WORKLOADS, doc: 'The process runs as root.' },
    privileged: { value: { type: 'flag' }, on: WORKLOADS, doc: 'The container runs privileged.' },
    'host-mount': { value: { type: 'flag' }, on: WORKLOADS, doc: 'A directory of the host is mounted into the container.' },
    'docker-socket': { value: { type: 'flag' }, on: WORKLOADS, doc: 'The Docker socket is mounted into the container.' },
    probed: { value: { type: 'flag' }, states: true, on: WORKLOADS, doc: 'The platform probes its health endpoint (liveness/readiness probes, load balancer checks).' },
    propagation: { value: { type: 'enum', values: ['w3c', 'b3', 'jaeger', 'xray', 'none'] }, doc: 'The trace context it propagates on its calls: w3c, b3, jaeger, xray or none.' },
    origin: { value: { type: 'enum', values: ['application', 'infrastructure'] }, on: ['relation'], doc: 'Where an observability signal comes from: the code (application) or the platform (infrastructure).' },
    logging: { value: { type: 'enum', values: ['stdout', 'file', 'shipped', 'none'] }, on: WORKLOADS, doc: 'Where it writes its logs: stdout, local files, shipped to a back end, or none.' },
    pool: { value: { type: 'count', min: 1 }, doc: 'The size of a connection pool (on a call: the caller\'s pool to the callee).' },
    repeat: { value: { type: 'count', min: 1 }, on: ['relation'], doc: 'How many times one request makes the call (a call in a loop).' },
    loc: { value: { type: 'count', min: 0 }, on: WORKLOADS, doc: 'Lines of code.' },
    weight: { value: { type: 'count', min: 0, max: 100 }, on: ['version'], doc: 'The share of traffic a version receives, in per cent.' },
};

/** A duration such as `500ms`, `2s`, `1.5m` or `1h` in milliseconds, or undefined. */
export function parseDuration(text: string): number | undefined {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text);
    if (!m) return undefined;
    const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    return Number(m[1]) * factor;
}

/** A size such as `512mb` or `1gb` in bytes, or undefined. */
export function parseSize(text: string): number | undefined {
    const m = /^(\d+(?:\.\d+)?)(b|kb|mb|gb|tb|ki|mi|gi|ti|kib|mib|gib|tib)$/i.exec(text);
    if (!m) return undefined;
    const unit = m[2].toLowerCase().replace(/ib$/, 'i');
    const powers: Record<string, number> = { b: 0, kb: 1, ki: 1, mb: 2, mi: 2, gb: 3, gi: 3, tb: 4, ti: 4 };
    const base = unit.endsWith('i') ? 1024 : 1000;
    return Number(m[1]) * base ** powers[unit];
}
