import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * A small system that runs in the test and records its own traces with the OpenTelemetry
 * SDK: `web` calls `orders` over HTTP, `orders` calls `payments` and sends an
 * `order-placed` message to Kafka, `payments` queries Postgres. Each service has its own
 * tracer provider (its `service.name`), and the trace context crosses the HTTP calls in
 * W3C `traceparent` headers. The spans are written as the collector's file exporter writes
 * them: one OTLP JSON `ExportTraceServiceRequest` per line.
 */
export async function recordTraces(requests: number): Promise<string> {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    // Each request's spans nest in the one that is active where they start.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const exporter = new InMemorySpanExporter();
    const tracer = (service: string): Tracer => new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': service }),
        spanProcessors: [new SimpleSpanProcessor(exporter)],
    }).getTracer('archsight-test');
    const payments = await serve(tracer('payments'), async t => {
        const query = t.startSpan('SELECT payments', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.name': 'payments-db' } });
        await pause(2);
        query.end();
    });
    const orders = await serve(tracer('orders'), async (t, req) => {
        await call(t, payments, 'POST /pay');
        const publish = t.startSpan('order-placed publish', { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': 'order-placed' } });
        publish.end();
        if (req.url === '/fail') throw new Error('out of stock');
    });
    const web = tracer('web');
    for (let i = 0; i < requests; i++) {
        const root = web.startSpan('GET /checkout', { kind: SpanKind.SERVER });
        await context.with(trace.setSpan(context.active(), root), () => call(web, orders, i % 10 === 9 ? 'GET /fail' : 'GET /order'));
        root.end();
    }
    payments.close();
    orders.close();
    context.disable();
    propagation.disable();
    const spans = exporter.getFinishedSpans();
    return new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)) + '\n';
}

interface Service {
    readonly port: number;
    close(): void;
}

/** An HTTP service whose server spans continue the caller's trace. */
async function serve(tracer: Tracer, work: (tracer: Tracer, req: IncomingMessage) => Promise<void>): Promise<Service> {
    const server: Server = createServer((req, res) => {
        const parent = propagation.extract(context.active(), req.headers);
        const span = tracer.startSpan(`${req.method} ${req.url}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET' } }, parent);
        context.with(trace.setSpan(parent, span), () => work(tracer, req)).then(
            () => { span.end(); res.end('ok'); },
            error => { span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) }); span.end(); res.statusCode = 500; res.end(); },
        );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** A client span around an HTTP request, with the trace context in its headers. */
async function call(tracer: Tracer, service: Service, what: string): Promise<void> {
    const [method, path] = what.split(' ');
    const span = tracer.startSpan(what, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'server.port': service.port } });
    const headers: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), headers);
    const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: service.port, method, path, headers }, res => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
        req.on('error', reject);
        req.end();
    });
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
}

function pause(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}
