import type { ElementKind } from '../model/kinds.js';

/**
 * What a container image (or a service's name, when the image says nothing) tells about the
 * element: data stores, brokers and observability back ends are recognised by name; anything
 * else is a service.
 */
export interface Recognised {
    readonly kind: ElementKind;
    readonly technology: string;
    /** The protocol callers speak to it. */
    readonly protocol?: string;
}

const KNOWN: readonly [string, Recognised][] = [
    ['postgres', { kind: 'database', technology: 'postgres', protocol: 'sql' }],
    ['mysql', { kind: 'database', technology: 'mysql', protocol: 'sql' }],
    ['mariadb', { kind: 'database', technology: 'mariadb', protocol: 'sql' }],
    ['mongo', { kind: 'database', technology: 'mongodb', protocol: 'mongodb' }],
    ['cassandra', { kind: 'database', technology: 'cassandra', protocol: 'cql' }],
    ['couchdb', { kind: 'database', technology: 'couchdb', protocol: 'http' }],
    ['mssql', { kind: 'database', technology: 'mssql', protocol: 'sql' }],
    ['redis', { kind: 'cache', technology: 'redis', protocol: 'resp' }],
    ['memcached', { kind: 'cache', technology: 'memcached', protocol: 'memcache' }],
    ['kafka', { kind: 'bus', technology: 'kafka', protocol: 'kafka' }],
    ['rabbitmq', { kind: 'bus', technology: 'rabbitmq', protocol: 'amqp' }],
    ['nats', { kind: 'bus', technology: 'nats', protocol: 'nats' }],
    ['activemq', { kind: 'bus', technology: 'activemq', protocol: 'amqp' }],
    ['pulsar', { kind: 'bus', technology: 'pulsar', protocol: 'pulsar' }],
    ['minio', { kind: 'storage', technology: 'minio', protocol: 's3' }],
    ['elasticsearch', { kind: 'logs', technology: 'elasticsearch', protocol: 'http' }],
    ['opensearch', { kind: 'logs', technology: 'opensearch', protocol: 'http' }],
    ['loki', { kind: 'logs', technology: 'loki', protocol: 'http' }],
    ['prometheus', { kind: 'metrics', technology: 'prometheus', protocol: 'http' }],
    ['alertmanager', { kind: 'alerting', technology: 'alertmanager', protocol: 'http' }],
    ['grafana', { kind: 'dashboard', technology: 'grafana', protocol: 'http' }],
    ['kibana', { kind: 'dashboard', technology: 'kibana', protocol: 'http' }],
    ['jaeger', { kind: 'traces', technology: 'jaeger', protocol: 'http' }],
    ['zipkin', { kind: 'traces', technology: 'zipkin', protocol: 'http' }],
    ['otel-collector', { kind: 'collector', technology: 'opentelemetry-collector', protocol: 'otlp' }],
    ['opentelemetry-collector', { kind: 'collector', technology: 'opentelemetry-collector', protocol: 'otlp' }],
    ['fluentd', { kind: 'shipper', technology: 'fluentd' }],
    ['fluent-bit', { kind: 'shipper', technology: 'fluent-bit' }],
    ['filebeat', { kind: 'shipper', technology: 'filebeat' }],
    ['logstash', { kind: 'collector', technology: 'logstash' }],
    ['consul', { kind: 'registry', technology: 'consul', protocol: 'http' }],
    ['eureka', { kind: 'registry', technology: 'eureka', protocol: 'http' }],
    ['nginx', { kind: 'gateway', technology: 'nginx', protocol: 'http' }],
    ['traefik', { kind: 'gateway', technology: 'traefik', protocol: 'http' }],
    ['haproxy', { kind: 'gateway', technology: 'haproxy', protocol: 'http' }],
    ['envoy', { kind: 'gateway', technology: 'envoy', protocol: 'http' }],
    ['kong', { kind: 'gateway', technology: 'kong', protocol: 'http' }],
    // Said by a name only; the technology then comes from the image.
    ['gateway', { kind: 'gateway', technology: '', protocol: 'http' }],
    ['registry', { kind: 'registry', technology: '', protocol: 'http' }],
];

/** Words too short to look for inside a name: they count only as a whole word of it (`db`, `teastore-db`, `db_1`). */
const WHOLE_WORDS: readonly [string, Recognised][] = [
    ['db', { kind: 'database', technology: '' }],
];

/** The last path segment of an image without its tag or digest: `docker.io/library/redis:6.2` → `redis`. */
export function imageName(image: string): string {
    const noDigest = image.split('@')[0];
    const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
    return last.split(':')[0].toLowerCase();
}

/** Recognises an image by its name, then by the service's own name; undefined when neither says. */
export function recognise(image: string | undefined, serviceName: string): Recognised | undefined {
    const candidates = [image ? imageName(image) : undefined, serviceName.toLowerCase()].filter((c): c is string => !!c);
    for (const candidate of candidates) {
        const hit = KNOWN.find(([name]) => candidate === name || candidate.startsWith(`${name}-`) || candidate.endsWith(`-${name}`) || candidate.includes(name));
        if (hit) return hit[1];
        const word = WHOLE_WORDS.find(([name]) => candidate.split(/[-_.]/).includes(name));
        if (word) return word[1];
    }
    return undefined;
}

/** A technology word for a plain service's image: its name, as the grammar's technology accepts it. */
export function technologyOf(image: string | undefined): string | undefined {
    if (!image) return undefined;
    const name = imageName(image).replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z]+/, '');
    return name === '' ? undefined : name;
}
