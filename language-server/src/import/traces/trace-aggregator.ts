import { toId } from '../ids.js';
import type { ImportedArrow, ImportedSystem } from '../imported-system.js';
import { addElement, addRelation, guessOnce } from '../imported-system.js';
import { recognise } from '../technology.js';
import { percentile } from './percentiles.js';
import type { SpanRecord } from './span-record.js';

interface Edge {
    readonly source: string;
    readonly target: string;
    readonly arrow: ImportedArrow;
    readonly protocol?: string;
    readonly durations: number[];
    errors: number;
    readonly origin: string;
}

/**
 * Turns spans into the calls between services: a span whose parent ran in another service
 * is a call from that service (latency from the caller's client span when there is one); a
 * client span into a database is a call to a store, a producer span a message into a
 * broker, a consumer span a delivery. Spans are kept in compact form until `finish`,
 * because a trace's spans may be spread over the file.
 */
export class TraceAggregator {
    private readonly spans = new Map<string, SpanRecord>();
    private readonly edges = new Map<string, Edge>();
    private spanCount = 0;
    /** Service names as ids: the same few names come with every span. */
    private readonly ids = new Map<string, string>();
    /** Services whose element is added (an id may be known earlier, as the caller of a span read before its own). */
    private readonly added = new Set<string>();

    constructor(private readonly system: ImportedSystem, private readonly display: string) {}

    add(spans: readonly SpanRecord[]): void {
        for (const span of spans) {
            this.spans.set(`${span.traceId}:${span.spanId}`, span);
            this.spanCount++;
        }
    }

    get count(): number {
        return this.spanCount;
    }

    finish(): void {
        this.system.sourceKinds.add('traces');
        const crossed = new Set<string>();
        const depth = new Map<string, number>();
        const rootDepth = new Map<string, { root: string; depth: number }>();
        for (const span of this.spans.values()) {
            if (!this.added.has(span.service)) {
                this.added.add(span.service);
                addElement(this.system, this.idOf(span.service), 'service', `${this.display}: service ${span.service}`);
            }
            const parent = span.parentId ? this.spans.get(`${span.traceId}:${span.parentId}`) : undefined;
            if (parent && parent.service !== span.service) {
                crossed.add(`${span.traceId}:${span.parentId}`);
                const asynchronous = span.kind === 'consumer' || parent.kind === 'producer';
                const messaging = span.attributes['messaging.system'] ?? parent.attributes['messaging.system'];
                if (asynchronous && messaging) {
                    // A message through a broker: the producer sends to the broker, the broker delivers.
                    const broker = this.broker(span.attributes['messaging.system'] ? span : parent, messaging);
                    this.edge(parent.service, broker, '~>', undefined, parent.durationMs, parent.error, true);
                    this.edge(broker, span.service, '~>', undefined, span.durationMs, span.error, false, true);
                    continue;
                }
                const latency = parent.kind === 'client' ? parent.durationMs : span.durationMs;
                this.edge(parent.service, span.service, asynchronous ? '~>' : '->', protocolOf(parent, span), latency, span.error || parent.error);
            }
        }
        for (const [key, span] of this.spans) {
            if (crossed.has(key)) continue;
            const db = span.attributes['db.system'];
            const messaging = span.attributes['messaging.system'];
            if (span.kind === 'client' && db) {
                const store = this.store(span, db);
                this.edge(span.service, store.id, '->', store.protocol, span.durationMs, span.error, true);
            } else if (span.kind === 'producer' && messaging) {
                const broker = this.broker(span, messaging);
                this.edge(span.service, broker, '~>', undefined, span.durationMs, span.error, true);
            } else if (span.kind === 'consumer' && messaging) {
                const parent = span.parentId ? this.spans.get(`${span.traceId}:${span.parentId}`) : undefined;
                if (!parent || parent.service === span.service) this.edge(this.broker(span, messaging), span.service, '~>', undefined, span.durationMs, span.error, false, true);
            }
        }
        // The longest synchronous path from each trace's root, in hops between services.
        const hopsOf = (key: string): number => {
            const chain: string[] = [];
            let current: string | undefined = key;
            let base = 0;
            while (current !== undefined) {
                const known = depth.get(current);
                if (known !== undefined) { base = known; break; }
                chain.push(current);
                const span: SpanRecord | undefined = this.spans.get(current);
                current = span?.parentId && chain.length < 10_000 ? `${span.traceId}:${span.parentId}` : undefined;
                if (current !== undefined && !this.spans.has(current)) current = undefined;
            }
            for (let i = chain.length - 1; i >= 0; i--) {
                const span = this.spans.get(chain[i])!;
                const parent = span.parentId ? this.spans.get(`${span.traceId}:${span.parentId}`) : undefined;
                const hop = parent && parent.service !== span.service && span.kind !== 'consumer' && parent.kind !== 'producer' ? 1 : 0;
                base += hop;
                depth.set(chain[i], base);
            }
            return base;
        };
        // A trace's root: the span of the trace without a parent among the spans read.
        const roots = new Map<string, SpanRecord>();
        for (const span of this.spans.values()) {
            if (!span.parentId || !this.spans.has(`${span.traceId}:${span.parentId}`)) roots.set(span.traceId, span);
        }
        for (const [key, span] of this.spans) {
            const hops = hopsOf(key);
            const root = roots.get(span.traceId) ?? span;
            const best = rootDepth.get(span.traceId);
            if (!best || hops > best.depth) rootDepth.set(span.traceId, { root: this.idOf(root.service), depth: hops });
        }
        for (const { root, depth: hops } of rootDepth.values()) {
            this.system.observedDepth.set(root, Math.max(hops, this.system.observedDepth.get(root) ?? 0));
        }
        for (const edge of this.edges.values()) {
            const relation = addRelation(this.system, edge.source, edge.target, edge.arrow, edge.origin)!;
            if (!relation) continue;
            if (relation.arrow !== edge.arrow && edge.arrow === '->') relation.arrow = '->';
            relation.protocol ??= edge.protocol;
            const sorted = Float64Array.from(edge.durations).sort();
            relation.stats = { count: edge.durations.length, errors: edge.errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
        }
        this.system.read.push(`${this.display} (traces, ${this.spanCount} spans, ${this.edges.size} calls between ${new Set([...this.spans.values()].map(s => s.service)).size} services)`);
        guessOnce(this.system, 'Elements seen only in traces are services; stores are named by db.name, brokers by messaging destination.');
        this.spans.clear();
    }

    private idOf(service: string): string {
        let id = this.ids.get(service);
        if (id === undefined) this.ids.set(service, id = toId(service));
        return id;
    }

    private readonly stores = new Map<string, { id: string; protocol: string }>();

    /** The database or cache a client span with `db.system` calls, named by `db.name`. */
    private store(span: SpanRecord, db: string): { id: string; protocol: string } {
        const name = span.attributes['db.name'] ?? span.attributes['db.namespace'] ?? db;
        let store = this.stores.get(`${db}\u0000${name}`);
        if (store) return store;
        const known = recognise(db, name);
        const element = addElement(this.system, toId(name), known?.kind === 'cache' ? 'cache' : 'database', `${this.display}: db.system ${db}`, known?.technology ?? db);
        if (element.id !== name) element.label = name;
        this.stores.set(`${db}\u0000${name}`, store = { id: element.id, protocol: known?.protocol ?? db });
        return store;
    }

    private readonly brokers = new Map<string, string>();

    private broker(span: SpanRecord, system: string): string {
        const name = span.attributes['messaging.destination.name'] ?? span.attributes['messaging.destination'] ?? system;
        const cached = this.brokers.get(`${system}\u0000${name}`);
        if (cached) return cached;
        const known = recognise(system, name);
        const broker = addElement(this.system, toId(name), known?.kind === 'bus' ? 'bus' : 'queue', `${this.display}: messaging.system ${system}`, known?.technology ?? system);
        if (broker.id !== name) broker.label = name;
        this.brokers.set(`${system}\u0000${name}`, broker.id);
        return broker.id;
    }

    private edge(sourceService: string, targetIdOrService: string, arrow: ImportedArrow, protocol: string | undefined, latency: number, error: boolean, targetIsId = false, sourceIsId = false): void {
        const source = sourceIsId ? sourceService : this.idOf(sourceService);
        const target = targetIsId ? targetIdOrService : this.idOf(targetIdOrService);
        if (source === target) return;
        const key = `${source}\u0000${target}`;
        let edge = this.edges.get(key);
        if (!edge) this.edges.set(key, edge = { source, target, arrow, protocol, durations: [], errors: 0, origin: `${this.display}: spans ${sourceService} -> ${targetIsId ? target : targetIdOrService}` });
        edge.durations.push(latency);
        if (error) edge.errors++;
    }
}

function protocolOf(parent: SpanRecord, child: SpanRecord): string | undefined {
    const rpc = parent.attributes['rpc.system'] ?? child.attributes['rpc.system'];
    if (rpc) return rpc === 'grpc' ? 'grpc' : rpc;
    if (parent.attributes['http.method'] ?? child.attributes['http.method'] ?? parent.attributes['http.request.method'] ?? child.attributes['http.request.method']) return 'http';
    const messaging = parent.attributes['messaging.system'] ?? child.attributes['messaging.system'];
    return messaging;
}
