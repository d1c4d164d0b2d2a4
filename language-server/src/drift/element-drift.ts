import type { ImportedSystem } from '../import/imported-system.js';
import { ELEMENT_KINDS } from '../model/kinds.js';
import type { ArchModel, ModelElement } from '../model/model-types.js';
import type { DriftFinding } from './drift-finding.js';

/**
 * Elements the sources show that the model lacks, and model elements none of the sources
 * shows although they could (traces show only what sends spans or is called from them;
 * clients, external and managed elements are never expected in them).
 */
export function elementDrift(model: ArchModel, system: ImportedSystem, matches: ReadonlyMap<string, string>): DriftFinding[] {
    const findings: DriftFinding[] = [];
    for (const imported of system.elements.values()) {
        if (matches.has(imported.id)) continue;
        findings.push({
            code: 'drift-undeclared-element', severity: 'warning',
            message: `${imported.kind} '${imported.id}' runs (${imported.origins[0]}) but is not in the model.`,
        });
    }
    const seen = new Set(matches.values());
    for (const element of model.elements.values()) {
        if (seen.has(element.id) || !expected(element, system)) continue;
        findings.push({
            code: 'drift-unobserved-element', severity: 'warning', location: element.location,
            message: `'${element.id}' is in the model but none of the sources shows it (${[...system.sourceKinds].join(', ')}).`,
        });
    }
    return findings;
}

function expected(element: ModelElement, system: ImportedSystem): boolean {
    if (element.kind === 'client' || element.kind === 'sidecar' || element.properties.external === true || element.properties.managed === true) return false;
    if (element.hostId !== undefined) return false;
    const info = ELEMENT_KINDS[element.kind];
    const deployed = system.sourceKinds.has('compose') || system.sourceKinds.has('kubernetes');
    // Compose and Kubernetes run containers: services, gateways, stores and brokers (not functions or a monolith's modules).
    if (deployed) return element.kind === 'service' || element.kind === 'gateway' || info.dataStore || info.messaging;
    // Traces alone show the services that send spans.
    return element.kind === 'service' || element.kind === 'function';
}
