import type { ImportedSystem, ImportedValue } from '../import/imported-system.js';
import type { ArchModel, PropertyValue, SourceLocation } from '../model/model-types.js';
import { parseDuration } from '../model/properties.js';
import { modelCall } from './call-drift.js';
import type { DriftFinding } from './drift-finding.js';

const ELEMENT_POLICIES = ['replicas', 'exposure'] as const;
const CALL_POLICIES = ['timeout', 'retries', 'breaker', 'mtls'] as const;

/**
 * Policies the model states otherwise than the sources: replicas and exposure of elements;
 * timeout, retries, breaker and mTLS of calls; and observed latencies (p99) above the
 * caller's timeout. A policy the model does not state is not compared: it is unknown.
 */
export function policyDrift(model: ArchModel, system: ImportedSystem, matches: ReadonlyMap<string, string>): DriftFinding[] {
    const findings: DriftFinding[] = [];
    for (const imported of system.elements.values()) {
        const element = model.elements.get(matches.get(imported.id) ?? '');
        if (!element) continue;
        for (const key of ELEMENT_POLICIES) {
            compare(findings, `'${element.id}'`, key, element.properties[key], imported.properties.get(key), imported.origins[0], element.location);
        }
    }
    for (const relation of system.relations.values()) {
        const source = matches.get(relation.sourceId);
        const target = matches.get(relation.targetId);
        const declared = source && target ? modelCall(model, source, target) : undefined;
        if (!declared) continue;
        const name = `${declared.sourceId} -> ${declared.targetId}`;
        for (const key of CALL_POLICIES) {
            compare(findings, name, key, declared.properties[key], relation.properties.get(key), relation.origins[0], declared.location);
        }
        const timeout = declared.properties.timeout;
        if (relation.stats && typeof timeout === 'number' && relation.stats.p99 > timeout) {
            findings.push({
                code: 'drift-latency-over-timeout', severity: 'warning', location: declared.location,
                message: `${name}: traces show p99 ${Math.round(relation.stats.p99)}ms, above its timeout of ${timeout}ms.`,
            });
        }
    }
    return findings;
}

function compare(findings: DriftFinding[], name: string, key: string, stated: PropertyValue | undefined, seen: ImportedValue | undefined, origin: string, location: SourceLocation): void {
    if (stated === undefined || seen === undefined) return;
    const seenValue = key === 'timeout' && typeof seen === 'string' ? parseDuration(seen) : seen;
    if (seenValue === stated || (typeof stated === 'boolean' && stated === (seenValue === true))) return;
    findings.push({
        code: 'drift-policy', severity: 'warning', location,
        message: `${name}: the model says ${key} ${show(key, stated)}, ${origin} says ${show(key, seenValue ?? seen)}.`,
    });
}

function show(key: string, value: ImportedValue): string {
    return key === 'timeout' && typeof value === 'number' ? `${value}ms` : String(value);
}
