// Generates trace files from a documented model of calls (SHOP_CALLS below), in the shape
// Jaeger's JSON export and the OpenTelemetry collector's OTLP JSON file exporter write.
// The tests import small files from it and check the import against the model; the
// benchmark writes a file of 100 MB. Deterministic: a seeded generator picks latencies.

/**
 * The documented system: each request enters at `frontend`; `calls` are made in order,
 * each with its kind and latency range in ms. Messaging goes through Kafka's topic
 * `order-events`; stores are reached with client spans carrying `db.system`.
 */
export const SHOP_CALLS = {
    frontend: [{ to: 'orders', kind: 'http', ms: [20, 60] }],
    orders: [
        { to: 'payments', kind: 'grpc', ms: [5, 30] },
        { to: 'inventory', kind: 'http', ms: [3, 12] },
        { to: 'order-events', kind: 'publish', ms: [1, 3] },
    ],
    payments: [{ to: 'payments-db', kind: 'db', system: 'postgresql', ms: [1, 8] }],
    inventory: [{ to: 'inventory-cache', kind: 'db', system: 'redis', ms: [0.2, 1] }],
    'order-events': [{ to: 'shipping', kind: 'deliver', ms: [2, 9] }],
};

function random(seed) {
    let s = seed >>> 0;
    return () => {
        s = (s * 1664525 + 1013904223) >>> 0;
        return s / 2 ** 32;
    };
}

const hex = (n, width) => n.toString(16).padStart(width, '0');

/** The spans of one trace: plain records, turned into either format below. */
function traceSpans(index, rand, errorEvery) {
    const traceId = hex(index + 1, 32);
    let next = 1;
    const spans = [];
    const start = 1_700_000_000_000_000 + index * 1000; // µs
    const visit = (service, parent, at, depthBudget) => {
        const span = { traceId, spanId: hex(index * 64 + next++, 16), parentId: parent?.spanId, service, name: `${service} handle`, kind: parent?.kind === 'producer' ? 'consumer' : 'server', start: at, duration: 0, attributes: {}, error: false };
        spans.push(span);
        let cursor = at + 100;
        for (const call of SHOP_CALLS[service] ?? []) {
            const latency = (call.ms[0] + rand() * (call.ms[1] - call.ms[0])) * 1000;
            if (call.kind === 'publish') {
                const producer = { traceId, spanId: hex(index * 64 + next++, 16), parentId: span.spanId, service, name: `${call.to} publish`, kind: 'producer', start: cursor, duration: latency, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': call.to }, error: false };
                spans.push(producer);
                for (const delivery of SHOP_CALLS[call.to] ?? []) {
                    const consumerLatency = (delivery.ms[0] + rand() * (delivery.ms[1] - delivery.ms[0])) * 1000;
                    const consumer = visit(delivery.to, producer, cursor + latency, depthBudget);
                    consumer.attributes = { 'messaging.system': 'kafka', 'messaging.destination.name': call.to };
                    consumer.duration = consumerLatency;
                }
            } else if (call.kind === 'db') {
                spans.push({ traceId, spanId: hex(index * 64 + next++, 16), parentId: span.spanId, service, name: `${call.system} query`, kind: 'client', start: cursor, duration: latency, attributes: { 'db.system': call.system, 'db.name': call.to }, error: false });
            } else {
                const client = { traceId, spanId: hex(index * 64 + next++, 16), parentId: span.spanId, service, name: `${call.kind} ${call.to}`, kind: 'client', start: cursor, duration: latency, attributes: call.kind === 'grpc' ? { 'rpc.system': 'grpc' } : { 'http.method': 'GET' }, error: false };
                spans.push(client);
                const server = visit(call.to, client, cursor + 50, depthBudget - 1);
                server.duration = Math.max(0, latency - 100);
                if (call.to === 'payments' && errorEvery > 0 && index % errorEvery === 0) { client.error = true; server.error = true; }
            }
            cursor += latency;
        }
        span.duration ||= cursor - at;
        return span;
    };
    visit('frontend', undefined, start, 10);
    return spans;
}

function jaegerTrace(spans) {
    const services = [...new Set(spans.map(s => s.service))];
    const processes = Object.fromEntries(services.map((s, i) => [`p${i + 1}`, { serviceName: s, tags: [] }]));
    return {
        traceID: spans[0].traceId,
        spans: spans.map(s => ({
            traceID: s.traceId, spanID: s.spanId, operationName: s.name,
            references: s.parentId ? [{ refType: s.kind === 'consumer' ? 'FOLLOWS_FROM' : 'CHILD_OF', traceID: s.traceId, spanID: s.parentId }] : [],
            startTime: s.start, duration: Math.round(s.duration), processID: `p${services.indexOf(s.service) + 1}`,
            tags: [{ key: 'span.kind', type: 'string', value: s.kind }, ...Object.entries(s.attributes).map(([key, value]) => ({ key, type: 'string', value })), ...(s.error ? [{ key: 'error', type: 'bool', value: true }] : [])],
            logs: [], warnings: null,
        })),
        processes, warnings: null,
    };
}

const OTLP_KINDS = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

function otlpRequest(spans) {
    const byService = new Map();
    for (const s of spans) (byService.get(s.service) ?? byService.set(s.service, []).get(s.service)).push(s);
    return {
        resourceSpans: [...byService].map(([service, own]) => ({
            resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
            scopeSpans: [{
                scope: { name: 'archsight-trace-generator' },
                spans: own.map(s => ({
                    traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentId ?? '', name: s.name, kind: OTLP_KINDS[s.kind],
                    startTimeUnixNano: String(s.start * 1000), endTimeUnixNano: String(Math.round((s.start + s.duration) * 1000)),
                    attributes: Object.entries(s.attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
                    status: s.error ? { code: 2 } : {},
                })),
            }],
        })),
    };
}

/**
 * Writes `traces` traces in `format` ('jaeger': one `{"data": [...]}` document; 'otlp': one
 * ExportTraceServiceRequest per line, as the collector's file exporter does) through `write`.
 * Every `errorEvery`-th trace fails at payments (0: none).
 */
export function generateTraces({ traces, format, seed = 7, errorEvery = 0 }, write) {
    const rand = random(seed);
    if (format === 'jaeger') write('{"data":[');
    for (let i = 0; i < traces; i++) {
        const spans = traceSpans(i, rand, errorEvery);
        if (format === 'jaeger') write(`${i > 0 ? ',' : ''}${JSON.stringify(jaegerTrace(spans))}\n`);
        else write(`${JSON.stringify(otlpRequest(spans))}\n`);
    }
    if (format === 'jaeger') write(`],"total":0,"limit":0,"offset":0,"errors":null}\n`);
}

/** The same as a string, for small files. */
export function tracesText(options) {
    const parts = [];
    generateTraces(options, text => parts.push(text));
    return parts.join('');
}
