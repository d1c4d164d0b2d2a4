import type { ImportedRelation, ImportedSystem } from '../import/imported-system.js';
import type { ArchModel, ModelRelation } from '../model/model-types.js';
import type { DriftFinding } from './drift-finding.js';

/** The model's call or message between two elements, if any (observability links do not count). */
export function modelCall(model: ArchModel, sourceId: string, targetId: string): ModelRelation | undefined {
    return (model.outgoing.get(sourceId) ?? []).find(r => r.targetId === targetId && r.kind !== 'observe');
}

/**
 * Calls the sources show that the model lacks; calls the model declares that traces never
 * saw between services they did see; calls that traces show synchronous where the model
 * says asynchronous, and the other way round.
 */
export function callDrift(model: ArchModel, system: ImportedSystem, matches: ReadonlyMap<string, string>): DriftFinding[] {
    const findings: DriftFinding[] = [];
    const observed = new Set<string>();
    const traced = new Set<string>();
    for (const relation of system.relations.values()) {
        const source = matches.get(relation.sourceId);
        const target = matches.get(relation.targetId);
        if (!source || !target) continue;
        observed.add(`${source}\u0000${target}`);
        if (relation.stats) { traced.add(source); traced.add(target); }
        const declared = modelCall(model, source, target);
        if (!declared) {
            findings.push({
                code: 'drift-undeclared-call', severity: 'warning', location: model.elements.get(source)?.location,
                message: `${source} ${relation.arrow} ${target} happens (${relation.origins[0]}) but the model does not declare it.`,
                call: { sourceId: source, targetId: target, arrow: relation.arrow },
            });
            continue;
        }
        const kindFinding = callKind(relation, declared);
        if (kindFinding) findings.push(kindFinding);
    }
    if (!system.sourceKinds.has('traces')) return findings;
    for (const relation of model.relations) {
        if ((relation.kind !== 'sync' && relation.kind !== 'async') || !traced.has(relation.sourceId) || !traced.has(relation.targetId)) continue;
        if (observed.has(`${relation.sourceId}\u0000${relation.targetId}`)) continue;
        findings.push({
            code: 'drift-unobserved-call', severity: 'info', location: relation.location,
            message: `${relation.sourceId} ${relation.kind === 'sync' ? '->' : '~>'} ${relation.targetId} is in the model but the traces never show it.`,
        });
    }
    return findings;
}

function callKind(relation: ImportedRelation, declared: ModelRelation): DriftFinding | undefined {
    // Only traces tell how a call is made; compose and manifests guess the arrow from the target.
    if (!relation.stats) return undefined;
    const observedSync = relation.arrow === '->';
    if (observedSync && declared.kind === 'async') {
        return { code: 'drift-call-kind', severity: 'warning', location: declared.location, message: `${declared.sourceId} ~> ${declared.targetId} is asynchronous in the model, but traces show synchronous calls (${relation.stats.count}).` };
    }
    if (!observedSync && declared.kind === 'sync') {
        return { code: 'drift-call-kind', severity: 'warning', location: declared.location, message: `${declared.sourceId} -> ${declared.targetId} is synchronous in the model, but traces show messages.` };
    }
    return undefined;
}
