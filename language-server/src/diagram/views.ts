import { ELEMENT_KINDS, isObservabilityKind, type ElementKind } from '../model/kinds.js';
import type { ArchModel, ModelRelation, RelationKind } from '../model/model-types.js';
import type { MergedRelations } from './collapse.js';
import type { DiagramView } from './diagram-types.js';
import type { EdgeBundle } from './edge-bundles.js';
import { bundleSignals, type SignalBundle } from './signal-bundles.js';

/**
 * Which elements, groups and relations a view draws. A view keeps the relations of its
 * kinds and the elements they join (plus the elements of its own kinds, such as buses in
 * the messaging view); focus keeps one element or group and its direct neighbours.
 * Groups are drawn when something inside them is, sidecars whenever their host is.
 */
export interface ViewSelection {
    readonly view: DiagramView;
    /** The focused element or group, when it exists. */
    readonly focus?: string;
    readonly elementIds: ReadonlySet<string>;
    readonly groupIds: ReadonlySet<string>;
    /** The relations drawn one by one. */
    readonly relations: readonly ModelRelation[];
    /** Observability links drawn as one edge per group (overview only). */
    readonly bundles: readonly SignalBundle[];
    /** In words, what the view leaves out; undefined when it draws everything. */
    readonly notice?: string;
    /** Past the size limit (`collapse.ts`): groups drawn as one box, with the number of elements each stands for. */
    readonly collapsed?: ReadonlyMap<string, number>;
    /** Past the size limit: relations between boxes drawn as one edge each. */
    readonly merged?: readonly MergedRelations[];
    /** Merged edges carry a label with their count (few of them: a chosen level of detail, not the size limit). */
    readonly labelMerged?: boolean;
    /** Overview: fans of relations to a group, and parallel relations, drawn as one edge each (`edge-bundles.ts`). */
    readonly edgeBundles?: readonly EdgeBundle[];
    /** Meshes drawn with a data-plane box around everything but their control plane. */
    readonly dataPlanes?: ReadonlySet<string>;
}

const RELATION_KINDS: Readonly<Record<DiagramView, readonly RelationKind[]>> = {
    all: ['sync', 'async', 'observe', 'trigger'],
    calls: ['sync'],
    messaging: ['async', 'trigger'],
    observability: ['observe'],
};

const VIEW_NAMES: Readonly<Record<DiagramView, string>> = {
    all: 'Everything',
    calls: 'Calls only',
    messaging: 'Messaging only',
    observability: 'Observability only',
};

/** Elements a view shows even when none of its relations reach them. */
function ownKind(view: DiagramView, kind: ElementKind): boolean {
    switch (view) {
        case 'all': return true;
        case 'calls': return false;
        case 'messaging': return ELEMENT_KINDS[kind].messaging;
        case 'observability': return isObservabilityKind(kind);
    }
}

export function selectView(model: ArchModel, view: DiagramView, focus?: string): ViewSelection {
    const kinds = RELATION_KINDS[view];
    let relations = model.relations.filter(r => kinds.includes(r.kind) && !isUndrawable(model, r));
    const elementIds = new Set<string>();
    const groupIds = new Set<string>();
    for (const element of model.elements.values()) {
        if (ownKind(view, element.kind)) elementIds.add(element.id);
    }
    if (view === 'all') model.groups.forEach(g => groupIds.add(g.id));

    let focusMissing = false;
    if (focus !== undefined) {
        const core = focusCore(model, focus);
        if (core.size === 0) {
            focusMissing = true;
        } else {
            relations = relations.filter(r => core.has(r.sourceId) || core.has(r.targetId));
            elementIds.clear();
            groupIds.clear();
            for (const id of core) (model.groups.has(id) ? groupIds : elementIds).add(id);
        }
    }
    for (const r of relations) {
        for (const id of [r.sourceId, r.targetId]) (model.groups.has(id) ? groupIds : elementIds).add(id);
    }
    withWhatIsDrawnAlong(model, elementIds, groupIds);
    const overview = view === 'all' && (focus === undefined || focusMissing);
    const { rest, bundles } = overview ? bundleSignals(model, relations) : { rest: relations, bundles: [] };
    return {
        view,
        focus: focus !== undefined && !focusMissing ? focus : undefined,
        elementIds,
        groupIds,
        relations: rest,
        bundles,
        notice: noticeOf(model, view, focus, focusMissing, elementIds, relations, bundles),
    };
}

/** The focused element or group, what it contains, and its sidecars or host. */
function focusCore(model: ArchModel, focus: string): Set<string> {
    const core = new Set<string>();
    const element = model.elements.get(focus);
    if (element) {
        core.add(focus);
        element.sidecarIds.forEach(id => core.add(id));
        if (element.hostId) core.add(element.hostId);
        return core;
    }
    const visit = (groupId: string) => {
        const group = model.groups.get(groupId);
        if (!group || core.has(groupId)) return;
        core.add(groupId);
        for (const id of group.elementIds) {
            core.add(id);
            model.elements.get(id)?.sidecarIds.forEach(s => core.add(s));
        }
        group.groupIds.forEach(visit);
    };
    visit(focus);
    return core;
}

/**
 * A relation between a group and something inside it has no route to draw, nor has one
 * between a service and its own sidecars, which are drawn against it, or between a
 * service and its versions (a server and its databases), which are drawn inside it.
 */
export function isUndrawable(model: ArchModel, r: ModelRelation): boolean {
    const hostOf = (id: string) => model.elements.get(id)?.hostId ?? id;
    const partOf = (id: string) => model.elements.get(id)?.partOf;
    return isInside(model, r.sourceId, r.targetId) || isInside(model, r.targetId, r.sourceId)
        || partOf(r.sourceId) === r.targetId || partOf(r.targetId) === r.sourceId
        || (model.elements.has(r.sourceId) && model.elements.has(r.targetId) && hostOf(r.sourceId) === hostOf(r.targetId) && r.sourceId !== r.targetId);
}

function isInside(model: ArchModel, id: string, groupId: string): boolean {
    if (!model.groups.has(groupId)) return false;
    let parent = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
    for (let depth = 0; parent !== undefined && depth <= model.groups.size; depth++) {
        if (parent === groupId) return true;
        parent = model.groups.get(parent)?.parentId;
    }
    return false;
}

function noticeOf(
    model: ArchModel, view: DiagramView, focus: string | undefined, focusMissing: boolean,
    elementIds: ReadonlySet<string>, relations: readonly ModelRelation[], bundles: readonly SignalBundle[],
): string | undefined {
    const parts: string[] = [];
    if (focusMissing) parts.push(`There is no element or group '${focus}' to focus on; showing the whole view.`);
    const shown = `${elementIds.size} of ${plural(model.elements.size, 'element')}, ${relations.length} of ${plural(model.relations.length, 'relation')}`;
    if (focus !== undefined && !focusMissing) {
        parts.push(`${view === 'all' ? '' : `${VIEW_NAMES[view]}, `}focus on '${focus}' and its neighbours: ${shown}.`);
    } else if (view !== 'all') {
        parts.push(`${VIEW_NAMES[view]}: ${shown}.`);
    }
    if (bundles.length > 0) {
        const bundled = bundles.reduce((n, b) => n + b.relations.length, 0);
        parts.push(`${bundled} signal links are drawn as ${plural(bundles.length, 'edge')} from their groups; the observability view shows each.`);
    }
    const inner = model.relations.filter(r => isUndrawable(model, r)).length;
    if (inner > 0) parts.push(`${plural(inner, 'relation')} between a group and its own members, or a service and its sidecars, ${inner === 1 ? 'is' : 'are'} not drawn.`);
    if (parts.length === 0) return undefined;
    const text = parts.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Adds what the drawing needs around the chosen elements: a sidecar's host and a host's
 * sidecars (drawn docked), the service or server a version or hosted database is drawn
 * inside, and every group that contains one of them.
 */
export function withWhatIsDrawnAlong(model: ArchModel, elementIds: Set<string>, groupIds: Set<string>): void {
    for (const id of [...elementIds]) {
        const element = model.elements.get(id)!;
        if (element.hostId && model.elements.has(element.hostId)) elementIds.add(element.hostId);
        if (element.partOf && model.elements.has(element.partOf)) elementIds.add(element.partOf);
    }
    for (const id of [...elementIds]) model.elements.get(id)!.sidecarIds.forEach(s => elementIds.add(s));
    for (const id of [...elementIds, ...groupIds]) {
        let parent = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
        while (parent !== undefined && !groupIds.has(parent)) {
            groupIds.add(parent);
            parent = model.groups.get(parent)?.parentId;
        }
    }
}
