import { ELEMENT_KINDS, type Signal } from '../model/kinds.js';
import type { ArchModel, ModelRelation } from '../model/model-types.js';
import { groupsAround } from '../model/groups-around.js';

/**
 * In the overview, the observability links of a group's members are drawn as one edge
 * from the group's box: "every service in the shop sends traces to the collector" reads
 * better as one dotted line than as a dozen parallel ones across the whole diagram.
 * The observability view and focus mode still draw each link.
 */
export interface SignalBundle {
    /** `bundle:<group>..><target>[:<signal>]`; never the id of a relation. */
    readonly id: string;
    readonly groupId: string;
    readonly targetId: string;
    readonly signal?: Signal;
    readonly relations: readonly ModelRelation[];
}

/** Splits the observe links among `relations` into bundles of two or more and the rest. */
export function bundleSignals(model: ArchModel, relations: readonly ModelRelation[]): { rest: ModelRelation[]; bundles: SignalBundle[] } {
    const candidates = new Map<string, { groupId: string; relation: ModelRelation[] }>();
    const rest: ModelRelation[] = [];
    for (const r of relations) {
        const groupId = r.kind === 'observe' ? outermostGroupWithout(model, r.sourceId, r.targetId) : undefined;
        if (groupId === undefined) {
            rest.push(r);
            continue;
        }
        const key = `${groupId}\n${r.targetId}\n${r.signal ?? ''}`;
        const entry = candidates.get(key) ?? { groupId, relation: [] };
        entry.relation.push(r);
        candidates.set(key, entry);
    }
    const bundles: SignalBundle[] = [];
    for (const { groupId, relation } of candidates.values()) {
        if (relation.length < 2) {
            rest.push(...relation);
            continue;
        }
        const { targetId, signal } = relation[0];
        bundles.push({ id: `bundle:${groupId}..>${targetId}${signal ? `:${signal}` : ''}`, groupId, targetId, signal, relations: relation });
    }
    // Keep the relations in source order, whatever was bundled around them.
    const order = new Map(relations.map((r, i) => [r.id, i]));
    rest.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { rest, bundles };
}

/** What a bundle's edge says: how many of what send the signal. */
export function bundleLabel(model: ArchModel, bundle: SignalBundle): string {
    const kinds = new Set(bundle.relations.map(r => model.elements.get(r.sourceId)?.kind));
    const [kind] = kinds;
    const noun = kinds.size === 1 && kind && ELEMENT_KINDS[kind] ? plural(kind) : 'elements';
    return `${bundle.relations.length} ${noun}`;
}

function plural(kind: string): string {
    return kind.endsWith('s') ? `${kind}es` : kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** The outermost group around `sourceId` that does not also hold `targetId`. */
function outermostGroupWithout(model: ArchModel, sourceId: string, targetId: string): string | undefined {
    const around = (id: string): string[] => groupsAround(model, id);
    const targetGroups = new Set([...around(targetId), targetId]);
    return around(sourceId).filter(g => !targetGroups.has(g)).pop();
}
