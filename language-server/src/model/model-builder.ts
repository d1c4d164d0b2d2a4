import type { LangiumDocument } from 'langium';
import type { Model } from '../../generated/ast.js';
import { ELEMENT_KINDS, type Signal } from './kinds.js';
import type { ArchModel, ModelElement, ModelGroup, ModelProblem, ModelRelation } from './model-types.js';
import { NO_ANNOTATIONS } from './annotations.js';
import { resolveFlow } from './view-reader.js';
import type { ModelFlow, ModelView } from './view-types.js';
import { fragmentOf, type FragmentElement, type FragmentGroup, type FragmentMember, type FragmentRelation, type ModelFragment } from './model-fragment.js';

/**
 * Builds the semantic model of `entry` and the documents it imports (`documents`
 * includes `entry`). Pure: reads the ASTs and returns a fresh model. Where two
 * declarations share an id the first one wins; validation reports the second.
 */
export function buildModel(entry: LangiumDocument<Model>, documents: readonly LangiumDocument<Model>[]): ArchModel {
    return mergeFragments(fragmentOf(entry), documents.map(fragmentOf));
}

/**
 * Merges the fragments of an import closure, imports first, into the model of `entry`:
 * here ids meet across files, so duplicates are found, relations whose ends are not in
 * the model are left out, and relations get ids unique in the model.
 */
export function mergeFragments(entry: ModelFragment, fragments: readonly ModelFragment[]): ArchModel {
    const merger = new ModelMerger(entry);
    for (const fragment of fragments) merger.add(fragment);
    return merger.finish();
}

/**
 * The same, for the language server: `pause` runs between the fragments and before the
 * whole-model steps, so that merging a closure of 1,000 elements does not hold up
 * requests (and the pause may stop the merge when the build is cancelled).
 */
export async function mergeFragmentsInSlices(entry: ModelFragment, fragments: readonly ModelFragment[], pause: () => Promise<void>): Promise<ArchModel> {
    const merger = new ModelMerger(entry);
    for (const fragment of fragments) {
        await pause();
        merger.add(fragment);
    }
    await pause();
    return merger.finish();
}

class ModelMerger {
    private readonly elements = new Map<string, ModelElement>();
    private readonly groups = new Map<string, ModelGroup>();
    private readonly rootGroupIds: string[] = [];
    private readonly relationFragments: FragmentRelation[] = [];
    private readonly triggerLinks: FragmentElement[] = [];
    private readonly problems: ModelProblem[] = [];
    private readonly views = new Map<string, ModelView>();
    private readonly flows = new Map<string, ModelFlow>();

    constructor(private readonly entry: ModelFragment) {}

    add(fragment: ModelFragment): void {
        this.addMembers(fragment.members, undefined);
        for (const [list, kept, what] of [[fragment.views, this.views, 'view'], [fragment.flows, this.flows, 'flow']] as const) {
            for (const item of list) {
                const first = kept.get(item.id);
                if (!item.id) continue;
                if (!first) (kept as Map<string, typeof item>).set(item.id, item);
                else this.problems.push({
                    severity: 'error', code: 'duplicate-id', uri: item.location.uri, node: item.node, property: 'name',
                    message: `Duplicate ${what} '${item.id}': it is already declared at ${first.location.uri === item.location.uri ? 'line ' : `${first.location.uri.split('/').pop()}:`}${first.location.range.start.line + 1}.`,
                });
            }
        }
    }

    finish(): ArchModel {
        const relations = this.buildRelations();
        const outgoing = new Map<string, ModelRelation[]>();
        for (const r of relations) push(outgoing, r.sourceId, r);
        // Many links share a target (every service sends to the same collector): infer once per target.
        const inferred = new Map<string, Signal | undefined>();
        const signalTo = (targetId: string) => {
            if (!inferred.has(targetId)) inferred.set(targetId, inferSignal(targetId, this.elements, outgoing));
            return inferred.get(targetId);
        };
        const withSignals = relations.map(r => r.kind === 'observe' && !r.signal ? { ...r, signal: signalTo(r.targetId) } : r);
        const flows = new Map<string, ModelFlow>();
        for (const [id, flow] of this.flows) flows.set(id, resolveFlow(flow, source => outgoing.get(source) ?? []));
        return {
            uri: this.entry.uri,
            title: this.entry.title,
            elements: this.elements,
            groups: this.groups,
            rootGroupIds: this.rootGroupIds,
            relations: withSignals,
            outgoing: indexBy(withSignals, r => r.sourceId),
            incoming: indexBy(withSignals, r => r.targetId),
            problems: this.problems,
            views: this.views,
            flows,
        };
    }

    private addMembers(members: readonly FragmentMember[], groupId: string | undefined): { elementIds: string[]; groupIds: string[] } {
        const elementIds: string[] = [];
        const groupIds: string[] = [];
        for (const member of members) {
            if (member.type === 'relation') {
                this.relationFragments.push(member);
            } else if (member.type === 'group') {
                if (this.addGroup(member, groupId)) groupIds.push(member.id);
            } else if (this.addElement(member, groupId, undefined)) {
                elementIds.push(member.id);
            }
        }
        return { elementIds, groupIds };
    }

    /** True when the id is missing or already declared; reports the duplicate. */
    private isTaken(declaration: FragmentElement | FragmentGroup): boolean {
        const id = declaration.id;
        if (!id) return true;
        const first = this.elements.get(id) ?? this.groups.get(id);
        if (!first) return false;
        const uri = declaration.location.uri;
        const where = first.location.uri === uri ? `line ${first.location.range.start.line + 1}` : `${first.location.uri.split('/').pop()}:${first.location.range.start.line + 1}`;
        this.problems.push({
            severity: 'error',
            message: `Duplicate id '${id}': it is already declared at ${where}. Ids must be unique across an architecture and the files it imports.`,
            code: 'duplicate-id', uri, node: declaration.node, property: 'name',
        });
        return true;
    }

    private addGroup(fragment: FragmentGroup, parentId: string | undefined): boolean {
        if (this.isTaken(fragment)) return false;
        this.problems.push(...fragment.problems);
        // Register before the members so that a member cannot steal the group's id.
        const elementIds: string[] = [];
        const groupIds: string[] = [];
        this.groups.set(fragment.id, {
            tags: fragment.tags, meta: fragment.meta, links: fragment.links,
            id: fragment.id,
            kind: fragment.kind,
            label: fragment.label,
            technology: fragment.technology,
            properties: fragment.properties,
            parentId,
            elementIds,
            groupIds,
            location: fragment.location,
            suppressions: fragment.suppressions,
            node: fragment.node,
        });
        if (parentId === undefined) this.rootGroupIds.push(fragment.id);
        const members = this.addMembers(fragment.members, fragment.id);
        elementIds.push(...members.elementIds);
        groupIds.push(...members.groupIds);
        return true;
    }

    private addElement(fragment: FragmentElement, groupId: string | undefined, hostId: string | undefined, partOf?: string): boolean {
        if (this.isTaken(fragment)) return false;
        this.problems.push(...fragment.problems);
        const sidecarIds: string[] = [];
        const partIds: string[] = [];
        this.elements.set(fragment.id, {
            tags: fragment.tags, meta: fragment.meta, links: fragment.links,
            id: fragment.id,
            kind: fragment.kind,
            label: fragment.label,
            technology: fragment.technology,
            properties: fragment.properties,
            groupId,
            hostId,
            sidecarIds,
            ownerId: fragment.ownerId,
            partOf,
            partIds,
            libraryIds: fragment.libraryIds,
            location: fragment.location,
            suppressions: fragment.suppressions,
            node: fragment.node,
        });
        for (const nested of fragment.nested) {
            if (!('type' in nested)) this.problems.push(nested);
            else if (this.addElement(nested, groupId, fragment.id)) sidecarIds.push(nested.id);
        }
        for (const part of fragment.parts) {
            if (this.addElement(part, groupId, undefined, fragment.id)) partIds.push(part.id);
        }
        if (fragment.ownersProblem) this.problems.push(fragment.ownersProblem);
        if (fragment.triggers.length > 0) this.triggerLinks.push(fragment);
        return true;
    }

    private buildRelations(): ModelRelation[] {
        const result: ModelRelation[] = [];
        const seen = new Map<string, number>();
        const uniqueId = (base: string): string => {
            const n = (seen.get(base) ?? 0) + 1;
            seen.set(base, n);
            return n === 1 ? base : `${base}#${n}`;
        };
        for (const r of this.relationFragments) {
            // Property problems first: they are worth reporting even when an end is unknown.
            this.problems.push(...r.problems);
            if (!this.isDeclared(r.sourceId) || !this.isDeclared(r.targetId)) continue;
            result.push({
                id: uniqueId(`${r.sourceId}${r.arrow}${r.targetId}`),
                kind: r.kind,
                sourceId: r.sourceId!,
                targetId: r.targetId!,
                protocol: r.protocol,
                label: r.label,
                signal: r.signal,
                properties: r.properties,
                tags: r.tags, meta: r.meta, links: r.links,
                location: r.location,
                suppressions: r.suppressions,
                node: r.node,
            });
        }
        for (const fn of this.triggerLinks) {
            for (const trigger of fn.triggers) {
                if (!this.isDeclared(trigger.sourceId)) continue;
                result.push({
                    id: uniqueId(`${trigger.sourceId}~>${fn.id}`),
                    kind: 'trigger',
                    sourceId: trigger.sourceId!,
                    targetId: fn.id,
                    label: trigger.label,
                    properties: {},
                    ...NO_ANNOTATIONS,
                    location: trigger.location,
                    suppressions: trigger.suppressions,
                    node: trigger.node,
                });
            }
        }
        return result;
    }

    private isDeclared(id: string | undefined): boolean {
        return id !== undefined && (this.elements.has(id) || this.groups.has(id));
    }
}

/**
 * The signal of an observability link without an explicit one: the target's own, else
 * the first one reached by following the target's observability links (a shipper that
 * forwards to Elasticsearch carries logs).
 */
function inferSignal(
    targetId: string, elements: ReadonlyMap<string, ModelElement>, outgoing: ReadonlyMap<string, readonly ModelRelation[]>
): Signal | undefined {
    const visited = new Set<string>();
    const queue = [targetId];
    while (queue.length > 0) {
        const id = queue.shift()!;
        if (visited.has(id)) continue;
        visited.add(id);
        const element = elements.get(id);
        if (!element) continue;
        const own = ELEMENT_KINDS[element.kind].backendSignal ?? element.properties.signal;
        if (typeof own === 'string') return own as Signal;
        for (const r of outgoing.get(id) ?? []) {
            if (r.kind === 'observe') {
                if (r.signal) return r.signal;
                queue.push(r.targetId);
            }
        }
    }
    return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function indexBy<V>(values: readonly V[], keyOf: (v: V) => string): Map<string, V[]> {
    const map = new Map<string, V[]>();
    for (const v of values) push(map, keyOf(v), v);
    return map;
}
