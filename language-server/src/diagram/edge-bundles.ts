import type { ArchModel, ModelRelation, RelationKind } from '../model/model-types.js';
import type { ViewSelection } from './views.js';
import { groupsAround } from '../model/groups-around.js';

/**
 * Combs of edges are what make a diagram unreadable: Istio's Pilot sends xds to every
 * sidecar, a bus delivers to five subscribers, two services call each other three ways.
 * In the overview, relations of one kind from one element to three or more members of a
 * group that does not hold the element draw as one edge to the group; when the element is
 * in the mesh's control plane, to the mesh's data plane (a box drawn around everything of
 * the mesh but its control plane), as Istio draws it. Relations of one kind between the
 * same two ends draw as one edge whose label stacks theirs. Each such edge keeps the
 * relations it stands for (tooltip, click, findings).
 */
export interface EdgeBundle {
    /** `fan:<source><arrow><target>` or `parallel:<source><arrow><target>`; never a relation id. */
    readonly id: string;
    readonly kind: RelationKind;
    readonly sourceId: string;
    /** A group, a data plane (`dataPlaneId(mesh)`) or, for parallel relations, an element. */
    readonly targetId: string;
    readonly relations: readonly ModelRelation[];
    /** `fan`: to many members of a group; `parallel`: between the same two ends. */
    readonly form: 'fan' | 'parallel';
}

/** The fewest relations drawn as one edge to their group. */
export const MIN_FAN = 3;

const ARROWS: Readonly<Record<RelationKind, string>> = { sync: '->', async: '~>', observe: '..>', trigger: '~>!' };

/** The id of the data-plane box drawn inside a mesh around everything but its control plane. */
export function dataPlaneId(meshId: string): string {
    return `dataplane:${meshId}`;
}

/** Bundles the selection's relations; the meshes whose data plane is a target are listed in `dataPlanes`. */
export function bundleEdges(model: ArchModel, selection: ViewSelection): ViewSelection {
    const fans = new Map<string, { targetId: string; relations: ModelRelation[] }>();
    const dataPlanes = new Set<string>();
    for (const r of selection.relations) {
        const target = fanTarget(model, r);
        if (target === undefined) continue;
        const key = `${r.sourceId}${ARROWS[r.kind]}${target}`;
        const fan = fans.get(key) ?? { targetId: target, relations: [] };
        fan.relations.push(r);
        fans.set(key, fan);
    }
    const bundled = new Set<ModelRelation>();
    const edgeBundles: EdgeBundle[] = [];
    for (const [key, fan] of fans) {
        if (new Set(fan.relations.map(r => r.targetId)).size < MIN_FAN) continue;
        const [first] = fan.relations;
        edgeBundles.push({ id: `fan:${key}`, kind: first.kind, sourceId: first.sourceId, targetId: fan.targetId, relations: fan.relations, form: 'fan' });
        fan.relations.forEach(r => bundled.add(r));
        if (fan.targetId.startsWith('dataplane:')) dataPlanes.add(fan.targetId.slice('dataplane:'.length));
    }
    const parallel = new Map<string, ModelRelation[]>();
    for (const r of selection.relations) {
        if (bundled.has(r)) continue;
        const key = `${r.sourceId}${ARROWS[r.kind]}${r.targetId}`;
        parallel.set(key, [...(parallel.get(key) ?? []), r]);
    }
    for (const [key, relations] of parallel) {
        if (relations.length < 2) continue;
        const [first] = relations;
        edgeBundles.push({ id: `parallel:${key}`, kind: first.kind, sourceId: first.sourceId, targetId: first.targetId, relations, form: 'parallel' });
        relations.forEach(r => bundled.add(r));
    }
    if (edgeBundles.length === 0) return selection;
    return { ...selection, relations: selection.relations.filter(r => !bundled.has(r)), edgeBundles, dataPlanes };
}

/**
 * Where a relation would go if bundled with others like it: the outermost group around its
 * target (or the target's host) that does not hold its source; or, from a mesh's control
 * plane to something else in the mesh, the mesh's data plane.
 */
function fanTarget(model: ArchModel, r: ModelRelation): string | undefined {
    if (r.kind === 'observe') return undefined; // signal links have their own bundles
    const target = model.elements.get(r.targetId)?.hostId ?? r.targetId;
    if (!model.elements.has(target)) return undefined;
    const sourceGroups = new Set(groupsAround(model, r.sourceId));
    const targetGroups = groupsAround(model, target);
    const outside = targetGroups.filter(g => !sourceGroups.has(g)).pop();
    if (outside !== undefined) return outside;
    const common = targetGroups[0];
    const mesh = common !== undefined && model.groups.get(common)?.kind === 'mesh' ? common : undefined;
    if (mesh === undefined) return undefined;
    const sourcePlane = groupsAround(model, r.sourceId).find(g => model.groups.get(g)?.parentId === mesh);
    return sourcePlane !== undefined && model.groups.get(sourcePlane)?.kind === 'control-plane' ? dataPlaneId(mesh) : undefined;
}
