/** A span as both trace formats reduce to it. */
export interface SpanRecord {
    readonly traceId: string;
    readonly spanId: string;
    readonly parentId?: string;
    readonly service: string;
    readonly kind: 'server' | 'client' | 'producer' | 'consumer' | 'internal';
    readonly durationMs: number;
    readonly error: boolean;
    /** `rpc.system`, `db.system`, `messaging.system`, `peer.service`, `db.name`, `messaging.destination(.name)`, `server.address`, `net.peer.name`, `http.method`. */
    readonly attributes: Readonly<Record<string, string>>;
}

/** The attributes the importer reads; others are dropped at once to keep memory low. */
export const READ_ATTRIBUTES = new Set([
    'rpc.system', 'db.system', 'db.name', 'db.namespace', 'messaging.system', 'messaging.destination', 'messaging.destination.name',
    'peer.service', 'server.address', 'net.peer.name', 'http.method', 'http.request.method', 'span.kind', 'error', 'otel.status_code',
]);
