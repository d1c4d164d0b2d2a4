import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';
import type { SpanRecord } from './span-record.js';
import { READ_ATTRIBUTES } from './span-record.js';

/**
 * One trace of a Jaeger JSON export (the UI's "Download JSON" and the query API's
 * `/api/traces` answer share the shape): spans with `references`, processes by id,
 * times in microseconds, tags as `{ key, type, value }`.
 */
export function jaegerSpans(trace: Data): SpanRecord[] {
    if (!isRecord(trace) || !Array.isArray(trace.spans)) return [];
    const processes = isRecord(trace.processes) ? trace.processes : {};
    const traceId = scalarText(trace.traceID) ?? '';
    return trace.spans.filter(isRecord).map(span => {
        const process = processes[scalarText(span.processID) ?? ''];
        const service = (isRecord(process) ? scalarText(process.serviceName) : undefined) ?? (isRecord(span.process) ? scalarText(span.process.serviceName) : undefined) ?? 'unknown';
        const attributes: Record<string, string> = {};
        for (const tag of Array.isArray(span.tags) ? span.tags.filter(isRecord) : []) {
            const key = scalarText(tag.key);
            if (key && READ_ATTRIBUTES.has(key)) attributes[key] = scalarText(tag.value) ?? '';
        }
        const references = Array.isArray(span.references) ? span.references.filter(isRecord) : [];
        const parent = references.find(r => r.refType === 'CHILD_OF') ?? references[0];
        const kind = attributes['span.kind'];
        return {
            traceId: scalarText(span.traceID) ?? traceId,
            spanId: scalarText(span.spanID) ?? '',
            parentId: parent ? scalarText(parent.spanID) : undefined,
            service,
            kind: kind === 'server' || kind === 'client' || kind === 'producer' || kind === 'consumer' ? kind : 'internal',
            durationMs: Number(span.duration ?? 0) / 1000,
            error: attributes.error === 'true' || attributes['otel.status_code'] === 'ERROR',
            attributes,
        };
    });
}
