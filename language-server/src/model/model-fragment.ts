import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { GrammarAST, isCompositeCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchElement, Group, Member, Model, Property, Relation, Trigger } from '../../generated/ast.js';
import { isArchElement, isGroup, isRelation } from '../../generated/ast.js';
import { SIGNALS, type ElementKind, type GroupKind, type Signal } from './kinds.js';
import type { ModelProblem, Properties, PropertyValue, RelationKind, SourceLocation } from './model-types.js';
import { normalizeProperty } from './property-values.js';
import { newTable } from '../util/own-keys.js';
import { annotationsOf, type Annotations } from './annotations.js';
import { readFlow, readView } from './view-reader.js';
import { suppressionsOf } from './suppressions.js';
import type { ModelFlow, ModelView } from './view-types.js';

/**
 * What one document contributes to the semantic model, read from its own AST only:
 * declarations with their properties, locations and suppressions, and relations with the
 * ids their references resolved to. The model of a document merges the fragments of its
 * import closure (`model-builder.ts`), so a file that did not change is not read again
 * when another one does: a main file that imports fifty parts costs one merge per edit,
 * not fifty files.
 */
export interface ModelFragment {
    readonly uri: string;
    readonly title?: string;
    readonly members: readonly FragmentMember[];
    readonly views: readonly ModelView[];
    /** Flows whose steps have not been matched to relations yet. */
    readonly flows: readonly ModelFlow[];
}

export type FragmentMember = FragmentElement | FragmentGroup | FragmentRelation;

interface FragmentDeclaration extends Annotations {
    readonly node: ArchElement | Group;
    /** Empty when the declaration has no name (a syntax error): such a declaration is left out. */
    readonly id: string;
    readonly label: string;
    readonly technology?: string;
    readonly properties: Properties;
    /** Property values that do not parse or are set twice: reported only if the declaration is taken into the model. */
    readonly problems: readonly ModelProblem[];
    readonly location: SourceLocation;
    readonly suppressions: readonly string[];
}

export interface FragmentElement extends FragmentDeclaration {
    readonly type: 'element';
    readonly node: ArchElement;
    readonly kind: ElementKind;
    /** Sidecars, and problems for other kinds declared inside the element, in the order written. */
    readonly nested: ReadonlyArray<FragmentElement | ModelProblem>;
    /** Versions and databases declared inside it (nested elements that are not sidecars). */
    readonly parts: readonly FragmentElement[];
    /** The first owner, when its reference resolved. */
    readonly ownerId?: string;
    /** The libraries it uses, whose references resolved. */
    readonly libraryIds: readonly string[];
    readonly ownersProblem?: ModelProblem;
    readonly triggers: readonly FragmentTrigger[];
}

export interface FragmentGroup extends FragmentDeclaration {
    readonly type: 'group';
    readonly node: Group;
    readonly kind: GroupKind;
    readonly members: readonly FragmentMember[];
}

export interface FragmentRelation extends Annotations {
    readonly type: 'relation';
    readonly node: Relation;
    readonly kind: RelationKind;
    readonly arrow: string;
    /** The ids the ends resolved to; undefined when a reference did not resolve. */
    readonly sourceId?: string;
    readonly targetId?: string;
    readonly protocol?: string;
    readonly label?: string;
    readonly signal?: Signal;
    readonly properties: Properties;
    readonly problems: readonly ModelProblem[];
    readonly location: SourceLocation;
    readonly suppressions: readonly string[];
}

export interface FragmentTrigger {
    readonly node: Trigger;
    readonly sourceId?: string;
    readonly label?: string;
    readonly location: SourceLocation;
    readonly suppressions: readonly string[];
}

const NESTING_HINT = 'Inside an element go its sidecars, a service\'s versions, and a dbserver\'s databases.';

/** Versions inside what runs code; databases and caches inside a database server. */
function isPart(host: string, inner: string): boolean {
    if (inner === 'version') return ['service', 'function', 'frontend', 'gateway', 'component'].includes(host);
    return host === 'dbserver' && (inner === 'database' || inner === 'cache');
}

const ARROW_KINDS: Readonly<Record<string, RelationKind>> = { '->': 'sync', '~>': 'async', '..>': 'observe' };

/**
 * Fragments by the document's parse result and the list of its references: a new parse
 * gives a new root, and relinking (after a file it imports changed) a new list, so a
 * fragment never outlives the AST or the resolution it was read from.
 */
const fragments = new WeakMap<AstNode, { references: unknown; fragment: ModelFragment }>();

export function fragmentOf(document: LangiumDocument<Model>): ModelFragment {
    const root = document.parseResult.value;
    const cached = fragments.get(root);
    if (cached && cached.references === document.references) return cached.fragment;
    const fragment = new FragmentReader(document.uri.toString()).read(root);
    fragments.set(root, { references: document.references, fragment });
    return fragment;
}

class FragmentReader {
    constructor(private readonly uri: string) {}

    read(root: Model): ModelFragment {
        const locateIn = (node: AstNode, property: string) => locate(node, this.uri, property);
        return {
            uri: this.uri, title: root.title, members: this.members(root.members ?? []),
            views: (root.views ?? []).map(v => readView(v, locateIn)),
            flows: (root.flows ?? []).map(f => readFlow(f, locateIn)),
        };
    }

    private members(members: readonly Member[]): FragmentMember[] {
        const result: FragmentMember[] = [];
        for (const member of members) {
            if (isRelation(member)) result.push(this.relation(member));
            else if (isGroup(member)) result.push(this.group(member));
            else if (isArchElement(member)) result.push(this.element(member));
        }
        return result;
    }

    private declaration(node: ArchElement | Group, problems: ModelProblem[]): FragmentDeclaration {
        const { tags, meta, links } = annotationsOf(node);
        return {
            node,
            id: node.name ?? '',
            label: node.label ?? node.name,
            technology: node.technology,
            properties: this.properties(node.properties ?? [], problems),
            problems,
            location: locate(node, this.uri, 'name'),
            suppressions: suppressionsOf(node),
            tags,
            meta,
            links,
        };
    }

    private group(node: Group): FragmentGroup {
        return Object.assign(this.declaration(node, []), { type: 'group' as const, kind: node.kind as GroupKind, members: this.members(node.members ?? []) }) as FragmentGroup;
    }

    private element(node: ArchElement): FragmentElement {
        const nested: Array<FragmentElement | ModelProblem> = [];
        const parts: FragmentElement[] = [];
        for (const inner of node.sidecars ?? []) {
            if (inner.kind === 'sidecar') nested.push(this.element(inner));
            else if (isPart(node.kind, inner.kind)) parts.push(this.element(inner));
            else nested.push(this.problem('error', `${NESTING_HINT} Move ${inner.kind} '${inner.name}' out of '${node.name}'.`, 'misplaced-declaration', inner, 'kind'));
        }
        const owners = node.owners ?? [];
        // The declaration's object takes the element's fields: a spread of it into a new
        // object cost about 5 KB of garbage per element.
        return Object.assign(this.declaration(node, []), {
            type: 'element' as const,
            kind: node.kind as ElementKind,
            nested,
            parts,
            libraryIds: (node.uses ?? []).flatMap(u => u.libraries.flatMap(l => l.ref?.name ? [l.ref.name] : [])),
            ownerId: owners[0]?.service?.ref?.name,
            ownersProblem: owners.length > 1
                ? this.problem('error', `A data store has one owner; '${node.name}' names ${owners.length}.`, 'multiple-owners', owners[1])
                : undefined,
            triggers: (node.triggers ?? []).map(trigger => ({
                node: trigger,
                sourceId: trigger.source?.ref?.name,
                label: trigger.label,
                location: locate(trigger, this.uri, 'source'),
                suppressions: suppressionsOf(trigger),
            })),
        }) as FragmentElement;
    }

    private relation(node: Relation): FragmentRelation {
        const problems: ModelProblem[] = [];
        const kind = ARROW_KINDS[node.arrow];
        const { tags, meta, links } = annotationsOf(node);
        return {
            type: 'relation',
            node,
            kind,
            arrow: node.arrow,
            sourceId: node.source?.ref?.name,
            targetId: node.target?.ref?.name,
            protocol: node.protocol,
            label: node.label,
            signal: kind === 'observe' && SIGNALS.includes(node.protocol as Signal) ? node.protocol as Signal : undefined,
            properties: this.properties(node.properties ?? [], problems),
            problems,
            location: locateRelation(node, this.uri),
            suppressions: suppressionsOf(node),
            tags,
            meta,
            links,
        };
    }

    private properties(properties: readonly Property[], problems: ModelProblem[]): Properties {
        const result = newTable<PropertyValue>();
        for (const p of properties) {
            const normalized = normalizeProperty(p.key, p.value);
            if ('error' in normalized) {
                problems.push(this.problem('error', normalized.error, 'invalid-property', p, p.value ? 'value' : 'key'));
            } else if (p.key in result) {
                problems.push(this.problem('warning', `'${p.key}' is set twice; the first value counts.`, 'duplicate-property', p, 'key'));
            } else {
                result[p.key] = normalized.value;
            }
        }
        return result;
    }

    private problem(severity: ModelProblem['severity'], message: string, code: string, node: AstNode, property?: string): ModelProblem {
        return { severity, message, code, uri: this.uri, node, property };
    }
}

function locate(node: AstNode, uri: string, property: string): SourceLocation {
    const full = node.$cstNode?.range ?? ZERO_RANGE;
    const named = node.$cstNode ? propertyNode(node.$cstNode, property, node, true) : undefined;
    return { uri, range: named?.range ?? full, fullRange: full };
}

/**
 * The first CST node that `property` of `owner` was parsed from: what Langium's
 * `GrammarUtils.findNodeForProperty` finds, without collecting every match first (it
 * ran for every declaration and was a tenth of building a model).
 */
function propertyNode(node: CstNode, property: string, owner: AstNode, first: boolean): CstNode | undefined {
    if (!first && assignmentOf(node.grammarSource)?.feature === property) return node;
    if (isCompositeCstNode(node) && node.astNode === owner) {
        for (const child of node.content) {
            const found = propertyNode(child, property, owner, false);
            if (found) return found;
        }
    }
    return undefined;
}

function assignmentOf(grammarSource: AstNode | undefined): GrammarAST.Assignment | undefined {
    for (let element = grammarSource; element; element = element.$container) {
        if (GrammarAST.isAssignment(element)) return element;
    }
    return undefined;
}

function locateRelation(node: Relation, uri: string): SourceLocation {
    const full = node.$cstNode?.range ?? ZERO_RANGE;
    const start = node.source?.$refNode?.range.start ?? full.start;
    const end = node.target?.$refNode?.range.end ?? full.end;
    return { uri, range: { start, end }, fullRange: full };
}

const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
