import type { ImportedSystem } from '../import/imported-system.js';
import type { ArchModel } from '../model/model-types.js';
import type { DriftFinding } from './drift-finding.js';

/** The longest chain of synchronous calls from an element in the model, in hops (cycles cut). */
export function modelDepth(model: ArchModel, id: string, visiting = new Set<string>()): number {
    if (visiting.has(id) || visiting.size > 1000) return 0;
    visiting.add(id);
    let deepest = 0;
    for (const relation of model.outgoing.get(id) ?? []) {
        if (relation.kind === 'sync') deepest = Math.max(deepest, 1 + modelDepth(model, relation.targetId, visiting));
    }
    visiting.delete(id);
    return deepest;
}

/** A chain the traces show deeper than the model's longest chain from the same element. */
export function chainDrift(model: ArchModel, system: ImportedSystem, matches: ReadonlyMap<string, string>): DriftFinding[] {
    const findings: DriftFinding[] = [];
    for (const [importedId, observed] of system.observedDepth) {
        const element = model.elements.get(matches.get(importedId) ?? '');
        if (!element) continue;
        const declared = modelDepth(model, element.id);
        if (observed > declared) {
            findings.push({
                code: 'drift-deeper-chain', severity: 'warning', location: element.location,
                message: `Requests from '${element.id}' go ${observed} synchronous hops deep in the traces; the model's longest chain from it is ${declared}.`,
            });
        }
    }
    return findings;
}
