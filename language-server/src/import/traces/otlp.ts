import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';
import type { SpanRecord } from './span-record.js';
import { READ_ATTRIBUTES } from './span-record.js';

const KINDS: Record<string, SpanRecord['kind']> = {
    1: 'internal', 2: 'server', 3: 'client', 4: 'producer', 5: 'consumer',
    SPAN_KIND_INTERNAL: 'internal', SPAN_KIND_SERVER: 'server', SPAN_KIND_CLIENT: 'client', SPAN_KIND_PRODUCER: 'producer', SPAN_KIND_CONSUMER: 'consumer',
};

function attributeMap(list: Data | undefined, all = false): Record<string, string> {
    const result: Record<string, string> = {};
    for (const attribute of Array.isArray(list) ? list.filter(isRecord) : []) {
        const key = scalarText(attribute.key);
        if (!key || (!all && !READ_ATTRIBUTES.has(key))) continue;
        const value = isRecord(attribute.value) ? Object.values(attribute.value)[0] : undefined;
        result[key] = scalarText(value) ?? '';
    }
    return result;
}

/**
 * One `resourceSpans` entry of OTLP JSON (the collector's file exporter, `ExportTraceServiceRequest`):
 * the service from the resource's `service.name`, spans under `scopeSpans` (or the older
 * `instrumentationLibrarySpans`), times in nanoseconds as strings.
 */
export function otlpSpans(resourceSpans: Data): SpanRecord[] {
    if (!isRecord(resourceSpans)) return [];
    const resource = isRecord(resourceSpans.resource) ? attributeMap(resourceSpans.resource.attributes, true) : {};
    const service = resource['service.name'] ?? 'unknown';
    const scopes = [resourceSpans.scopeSpans, resourceSpans.instrumentationLibrarySpans].flatMap(s => Array.isArray(s) ? s.filter(isRecord) : []);
    return scopes.flatMap(scope => (Array.isArray(scope.spans) ? scope.spans.filter(isRecord) : []).map(span => {
        // Nanoseconds since 1970 exceed 2^53, but their difference keeps sub-microsecond precision.
        const start = Number(scalarText(span.startTimeUnixNano) ?? 0);
        const end = Number(scalarText(span.endTimeUnixNano) ?? 0);
        const status = isRecord(span.status) ? scalarText(span.status.code) : undefined;
        const parentId = scalarText(span.parentSpanId);
        return {
            traceId: scalarText(span.traceId) ?? '',
            spanId: scalarText(span.spanId) ?? '',
            parentId: parentId ? parentId : undefined,
            service,
            kind: KINDS[scalarText(span.kind) ?? ''] ?? 'internal',
            durationMs: Number.isFinite(end - start) && end >= start ? (end - start) / 1e6 : 0,
            error: status === '2' || status === 'STATUS_CODE_ERROR',
            attributes: attributeMap(span.attributes),
        };
    }));
}
