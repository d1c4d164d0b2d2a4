import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils, CstUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchElement, Group, Member, Model, Property, Relation } from '../../generated/ast.js';
import { isArchElement, isGroup, isRelation } from '../../generated/ast.js';
import { ELEMENT_KINDS, SIGNALS, type ElementKind, type GroupKind, type Signal } from './kinds.js';
import type {
    ArchModel, ModelElement, ModelGroup, ModelProblem, ModelRelation, Properties, PropertyValue, RelationKind, SourceLocation
} from './model-types.js';
import { normalizeProperty } from './property-values.js';

const ARROW_KINDS: Readonly<Record<string, RelationKind>> = { '->': 'sync', '~>': 'async', '..>': 'observe' };
const IGNORE_COMMENT = /archsight-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

/**
 * Builds the semantic model of `entry` and the documents it imports (`documents`
 * includes `entry`). Pure: reads the ASTs and returns a fresh model. Where two
 * declarations share an id the first one wins; validation reports the second.
 */
export function buildModel(entry: LangiumDocument<Model>, documents: readonly LangiumDocument<Model>[]): ArchModel {
    return new ModelBuilder(entry).build(documents);
}

class ModelBuilder {
    private readonly elements = new Map<string, ModelElement>();
    private readonly groups = new Map<string, ModelGroup>();
    private readonly rootGroupIds: string[] = [];
    private readonly relationNodes: Array<{ node: Relation; uri: string }> = [];
    private readonly triggerLinks: Array<{ fn: ArchElement; uri: string }> = [];
    private readonly problems: ModelProblem[] = [];

    constructor(private readonly entry: LangiumDocument<Model>) {}

    build(documents: readonly LangiumDocument<Model>[]): ArchModel {
        for (const doc of documents) {
            const uri = doc.uri.toString();
            this.addMembers(doc.parseResult.value.members, uri, undefined);
        }
        const relations = this.buildRelations();
        const outgoing = new Map<string, ModelRelation[]>();
        const incoming = new Map<string, ModelRelation[]>();
        for (const r of relations) {
            push(outgoing, r.sourceId, r);
            push(incoming, r.targetId, r);
        }
        const withSignals = relations.map(r => r.kind === 'observe' && !r.signal
            ? { ...r, signal: inferSignal(r.targetId, this.elements, outgoing) }
            : r);
        const model: ArchModel = {
            uri: this.entry.uri.toString(),
            title: this.entry.parseResult.value.title,
            elements: this.elements,
            groups: this.groups,
            rootGroupIds: this.rootGroupIds,
            relations: withSignals,
            outgoing: indexBy(withSignals, r => r.sourceId),
            incoming: indexBy(withSignals, r => r.targetId),
            problems: this.problems,
        };
        return model;
    }

    private addMembers(members: readonly Member[], uri: string, groupId: string | undefined): { elementIds: string[]; groupIds: string[] } {
        const elementIds: string[] = [];
        const groupIds: string[] = [];
        for (const member of members) {
            if (isRelation(member)) {
                this.relationNodes.push({ node: member, uri });
            } else if (isGroup(member)) {
                if (this.addGroup(member, uri, groupId)) groupIds.push(member.name);
            } else if (isArchElement(member)) {
                if (this.addElement(member, uri, groupId, undefined)) elementIds.push(member.name);
            }
        }
        return { elementIds, groupIds };
    }

    /** True when the id is missing or already declared; reports the duplicate. */
    private isTaken(node: ArchElement | Group, uri: string): boolean {
        const id = node.name;
        if (!id) return true;
        const first = this.elements.get(id) ?? this.groups.get(id);
        if (!first) return false;
        const where = first.location.uri === uri ? `line ${first.location.range.start.line + 1}` : `${first.location.uri.split('/').pop()}:${first.location.range.start.line + 1}`;
        this.problem('error', `Duplicate id '${id}': it is already declared at ${where}. Ids must be unique across an architecture and the files it imports.`, 'duplicate-id', uri, node, 'name');
        return true;
    }

    private problem(severity: ModelProblem['severity'], message: string, code: string, uri: string, node: AstNode, property?: string): void {
        this.problems.push({ severity, message, code, uri, node, property });
    }

    private propertiesOf(properties: readonly Property[], uri: string): Properties {
        const result: Record<string, PropertyValue> = {};
        for (const p of properties) {
            const normalized = normalizeProperty(p.key, p.value);
            if ('error' in normalized) {
                this.problem('error', normalized.error, 'invalid-property', uri, p, p.value ? 'value' : 'key');
            } else if (p.key in result) {
                this.problem('warning', `'${p.key}' is set twice; the first value counts.`, 'duplicate-property', uri, p, 'key');
            } else {
                result[p.key] = normalized.value;
            }
        }
        return result;
    }

    private addGroup(node: Group, uri: string, parentId: string | undefined): boolean {
        if (this.isTaken(node, uri)) return false;
        // Register before the members so that a member cannot steal the group's id.
        const placeholder = { elementIds: [] as string[], groupIds: [] as string[] };
        const group: ModelGroup = {
            id: node.name,
            kind: node.kind as GroupKind,
            label: node.label ?? node.name,
            technology: node.technology,
            properties: this.propertiesOf(node.properties, uri),
            parentId,
            elementIds: placeholder.elementIds,
            groupIds: placeholder.groupIds,
            location: locate(node, uri, 'name'),
            suppressions: suppressionsOf(node),
            node,
        };
        this.groups.set(node.name, group);
        if (parentId === undefined) this.rootGroupIds.push(node.name);
        const members = this.addMembers(node.members, uri, node.name);
        placeholder.elementIds.push(...members.elementIds);
        placeholder.groupIds.push(...members.groupIds);
        return true;
    }

    private addElement(node: ArchElement, uri: string, groupId: string | undefined, hostId: string | undefined): boolean {
        if (this.isTaken(node, uri)) return false;
        const sidecarIds: string[] = [];
        this.elements.set(node.name, {
            id: node.name,
            kind: node.kind as ElementKind,
            label: node.label ?? node.name,
            technology: node.technology,
            properties: this.propertiesOf(node.properties, uri),
            groupId,
            hostId,
            sidecarIds,
            ownerId: node.owners[0]?.service?.ref?.name,
            location: locate(node, uri, 'name'),
            suppressions: suppressionsOf(node),
            node,
        });
        for (const nested of node.sidecars) {
            if (nested.kind !== 'sidecar') {
                this.problem('error', `Only sidecars can be declared inside an element; move ${nested.kind} '${nested.name}' out of '${node.name}'.`, 'misplaced-declaration', uri, nested, 'kind');
            } else if (this.addElement(nested, uri, groupId, node.name)) {
                sidecarIds.push(nested.name);
            }
        }
        if (node.owners.length > 1) {
            this.problem('error', `A data store has one owner; '${node.name}' names ${node.owners.length}.`, 'multiple-owners', uri, node.owners[1]);
        }
        if (node.triggers.length > 0) this.triggerLinks.push({ fn: node, uri });
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
        for (const { node, uri } of this.relationNodes) {
            // Properties first: their errors are worth reporting even when an end is unknown.
            const properties = this.propertiesOf(node.properties, uri);
            const sourceId = node.source?.ref?.name;
            const targetId = node.target?.ref?.name;
            if (!this.isDeclared(sourceId) || !this.isDeclared(targetId)) continue;
            const kind = ARROW_KINDS[node.arrow];
            const explicitSignal = kind === 'observe' && SIGNALS.includes(node.protocol as Signal) ? node.protocol as Signal : undefined;
            result.push({
                id: uniqueId(`${sourceId}${node.arrow}${targetId}`),
                kind,
                sourceId: sourceId!,
                targetId: targetId!,
                protocol: node.protocol,
                label: node.label,
                signal: explicitSignal,
                properties,
                location: locateRelation(node, uri),
                suppressions: suppressionsOf(node),
                node,
            });
        }
        for (const { fn, uri } of this.triggerLinks) {
            for (const trigger of fn.triggers) {
                const sourceId = trigger.source?.ref?.name;
                if (!this.isDeclared(sourceId)) continue;
                result.push({
                    id: uniqueId(`${sourceId}~>${fn.name}`),
                    kind: 'trigger',
                    sourceId: sourceId!,
                    targetId: fn.name,
                    label: trigger.label,
                    properties: {},
                    location: locate(trigger, uri, 'source'),
                    suppressions: suppressionsOf(trigger),
                    node: trigger,
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

function locate(node: AstNode, uri: string, property: string): SourceLocation {
    const full = node.$cstNode?.range ?? ZERO_RANGE;
    const named = node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined;
    return { uri, range: named?.range ?? full, fullRange: full };
}

function locateRelation(node: Relation, uri: string): SourceLocation {
    const full = node.$cstNode?.range ?? ZERO_RANGE;
    const start = node.source.$refNode?.range.start ?? full.start;
    const end = node.target.$refNode?.range.end ?? full.end;
    return { uri, range: { start, end }, fullRange: full };
}

/** Rule ids named by `archsight-ignore` comments directly above a declaration. */
function suppressionsOf(node: AstNode): string[] {
    const comments: string[] = [];
    let previous = node.$cstNode ? CstUtils.getPreviousNode(node.$cstNode, true) : undefined;
    while (previous && previous.hidden && /^(\/\/|\/\*)/.test(previous.text)) {
        comments.unshift(previous.text);
        previous = CstUtils.getPreviousNode(previous, true);
    }
    return comments.flatMap(text => [...text.matchAll(IGNORE_COMMENT)].flatMap(m => m[1].split(',').map(id => id.trim())));
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

const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
