import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { enclosing } from './graph.js';

/** The kinds a system is made of, for comparing one service against the others. */
const SERVICE_KINDS = new Set(['service', 'function', 'frontend', 'component']);

/**
 * The services of the system we run, in source order: not third parties, not the parts of
 * a monolith (its components are modules, not services), not a mesh's control plane.
 */
export function ownServices(model: ArchModel): ModelElement[] {
    return [...model.elements.values()].filter(e => SERVICE_KINDS.has(e.kind) && e.properties.external !== true
        && !enclosing(model, e.id, 'monolith') && !enclosing(model, e.id, 'control-plane'));
}

/**
 * The elements a service talks to or hears from, by requests or messages, in either
 * direction; startup calls and observability links left out.
 */
export function neighbours(model: ArchModel, id: string): Set<string> {
    const result = new Set<string>();
    const counts = (r: { kind: string; properties: Readonly<Record<string, unknown>> }) => (r.kind === 'sync' || r.kind === 'async' || r.kind === 'trigger') && r.properties.startup !== true;
    for (const r of model.outgoing.get(id) ?? []) if (counts(r) && r.targetId !== id) result.add(r.targetId);
    for (const r of model.incoming.get(id) ?? []) if (counts(r) && r.sourceId !== id) result.add(r.sourceId);
    return result;
}

export function median(values: readonly number[]): number {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Lines of code, where the model states them. */
export function locOf(e: ModelElement): number | undefined {
    return typeof e.properties.loc === 'number' ? e.properties.loc : undefined;
}
