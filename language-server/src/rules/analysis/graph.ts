import { ELEMENT_KINDS } from '../../model/kinds.js';
import type { ArchModel, ModelElement, ModelGroup, ModelRelation } from '../../model/model-types.js';
import { outgoingOf } from '../../model/model-types.js';
import { stronglyConnected } from '../../util/strongly-connected.js';

/**
 * Graph questions that several rules ask of the synchronous calls (`->`): who calls
 * whom, cycles, and the chains a request travels.
 */

export function isWorkload(model: ArchModel, id: string): boolean {
    const e = model.elements.get(id);
    return e !== undefined && ELEMENT_KINDS[e.kind].workload;
}

/**
 * A call made at startup or by the platform (`startup`: configuration, registration, key
 * discovery) is not on a request path: chains, cycles, hubs and blast radius leave it out.
 */
export function isRequestCall(r: ModelRelation): boolean {
    return r.kind === 'sync' && r.properties.startup !== true;
}

/** The synchronous calls on request paths out of `id`, self-calls left out. Shared per model: do not change the array. */
export function syncCallsFrom(model: ArchModel, id: string): readonly ModelRelation[] {
    let calls = syncCallsCache.get(model);
    if (!calls) syncCallsCache.set(model, calls = new Map());
    let result = calls.get(id);
    if (!result) {
        const outgoing = outgoingOf(model, id);
        result = outgoing.some(r => isRequestCall(r) && r.sourceId !== r.targetId)
            ? outgoing.filter(r => isRequestCall(r) && r.sourceId !== r.targetId)
            : NONE;
        calls.set(id, result);
    }
    return result;
}

/** Several rules walk the same calls (cycles, chains, retries, timeouts): each element's are filtered once per model. */
const syncCallsCache = new WeakMap<ArchModel, Map<string, readonly ModelRelation[]>>();
const NONE: readonly ModelRelation[] = [];

/** Sources of a relation kind into `id`, each once, in source order. */
export function distinctSources(relations: readonly ModelRelation[]): string[] {
    return [...new Set(relations.map(r => r.sourceId))];
}

/** The nearest enclosing group of a kind, for an element or a group. */
export function enclosing(model: ArchModel, id: string, kind: ModelGroup['kind']): ModelGroup | undefined {
    let groupId = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
    for (let guard = 0; groupId !== undefined && guard <= model.groups.size; guard++) {
        const g = model.groups.get(groupId);
        if (!g) return undefined;
        if (g.kind === kind) return g;
        groupId = g.parentId;
    }
    return undefined;
}

/** Whether an element sits in a group, at any depth. */
export function isInside(model: ArchModel, id: string, groupId: string): boolean {
    let current = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
    for (let guard = 0; current !== undefined && guard <= model.groups.size; guard++) {
        if (current === groupId) return true;
        current = model.groups.get(current)?.parentId;
    }
    return false;
}

/** Every element inside a group, at any depth, in the model's order. */
export function elementsInside(model: ArchModel, groupId: string): ModelElement[] {
    return [...(membersByGroup(model).get(groupId) ?? [])];
}

/** For each group, the elements inside it at any depth: one pass over the model, not one per group asked. */
const membersCache = new WeakMap<ArchModel, Map<string, ModelElement[]>>();

function membersByGroup(model: ArchModel): Map<string, ModelElement[]> {
    let members = membersCache.get(model);
    if (!members) {
        members = new Map();
        for (const e of model.elements.values()) {
            let current = e.groupId;
            for (let guard = 0; current !== undefined && guard <= model.groups.size; guard++) {
                const list = members.get(current);
                if (list) list.push(e);
                else members.set(current, [e]);
                current = model.groups.get(current)?.parentId;
            }
        }
        membersCache.set(model, members);
    }
    return members;
}

/**
 * The cycles of synchronous calls: one per strongly connected component with more than
 * one member, as the relations of its shortest cycle through its first member.
 */
export function syncCycles(model: ArchModel): ModelRelation[][] {
    return syncComponents(model).map(c => [...c.cycle]);
}

/** A strongly connected component of synchronous calls: its members in source order, its calls, and its shortest cycle through the first member. */
export interface SyncComponent {
    readonly members: readonly string[];
    readonly calls: readonly ModelRelation[];
    readonly cycle: readonly ModelRelation[];
}

export function syncComponents(model: ArchModel): SyncComponent[] {
    const ids = [...model.elements.keys(), ...model.groups.keys()];
    const order = new Map(ids.map((id, i) => [id, i]));
    const components = stronglyConnected(ids, id => syncCallsFrom(model, id).map(r => r.targetId));
    const result: SyncComponent[] = [];
    for (const component of components) {
        if (component.length < 2) continue;
        const members = new Set(component);
        const sorted = [...component].sort((a, b) => order.get(a)! - order.get(b)!);
        const cycle = shortestCycle(model, sorted[0], members);
        const calls = sorted.flatMap(id => syncCallsFrom(model, id).filter(r => members.has(r.targetId)));
        if (cycle) result.push({ members: sorted, calls, cycle });
    }
    return result.sort((a, b) => order.get(a.members[0])! - order.get(b.members[0])!);
}

function shortestCycle(model: ArchModel, start: string, members: ReadonlySet<string>): ModelRelation[] | undefined {
    const via = new Map<string, ModelRelation>();
    const queue = [start];
    while (queue.length > 0) {
        const id = queue.shift()!;
        for (const r of syncCallsFrom(model, id)) {
            if (!members.has(r.targetId)) continue;
            if (r.targetId === start) {
                const path = [r];
                for (let at = id; at !== start; at = via.get(at)!.sourceId) path.unshift(via.get(at)!);
                return path;
            }
            if (!via.has(r.targetId)) {
                via.set(r.targetId, r);
                queue.push(r.targetId);
            }
        }
    }
    return undefined;
}

/**
 * Every simple chain of synchronous calls that starts at an element nobody calls
 * synchronously, cut at `maxPaths` so that a dense graph cannot stall the editor.
 * `follow` decides which calls a chain may continue along.
 */
export function syncChains(model: ArchModel, follow: (r: ModelRelation) => boolean = () => true, maxPaths = 5000): ModelRelation[][] {
    const called = new Set(model.relations.filter(r => isRequestCall(r) && follow(r)).map(r => r.targetId));
    const starts = [...model.elements.keys(), ...model.groups.keys()].filter(id => !called.has(id));
    const chains: ModelRelation[][] = [];
    const callsFrom = (id: string, onPath: Set<string>): readonly ModelRelation[] => {
        const calls = syncCallsFrom(model, id);
        // Most elements call nothing: no new array for them.
        return calls.length === 0 ? calls : calls.filter(r => follow(r) && !onPath.has(r.targetId));
    };
    // Depth first with a stack of its own: a chain of ten thousand calls must not overflow the call stack.
    for (const start of starts) {
        // Most elements call nothing: no chain starts there.
        if (syncCallsFrom(model, start).length === 0) continue;
        const path: ModelRelation[] = [];
        const onPath = new Set([start]);
        const frames: Array<{ next: readonly ModelRelation[]; index: number }> = [{ next: callsFrom(start, onPath), index: 0 }];
        while (frames.length > 0 && chains.length < maxPaths) {
            const frame = frames[frames.length - 1];
            if (frame.index >= frame.next.length) {
                frames.pop();
                const back = path.pop();
                if (back) onPath.delete(back.targetId);
                continue;
            }
            const r = frame.next[frame.index++];
            onPath.add(r.targetId);
            path.push(r);
            const next = callsFrom(r.targetId, onPath);
            if (next.length > 0) {
                frames.push({ next, index: 0 });
            } else {
                chains.push([...path]);
                path.pop();
                onPath.delete(r.targetId);
            }
        }
    }
    return chains;
}

/** `a → b → c` for a chain of relations; a very long one shows its ends around '…'. */
export function pathText(chain: readonly ModelRelation[]): string {
    if (chain.length === 0) return '';
    const ids = [chain[0].sourceId, ...chain.map(r => r.targetId)];
    const shown = ids.length > 12 ? [...ids.slice(0, 6), `… (${ids.length - 11} more)`, ...ids.slice(-5)] : ids;
    return shown.join(' → ');
}

/** `a, b and c`. */
export function names(ids: readonly string[]): string {
    const quoted = ids.map(id => `'${id}'`);
    return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
