import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { ArchElement, Group, Relation, Trigger } from '../../generated/ast.js';
import type { Annotations } from './annotations.js';
import type { ElementKind, GroupKind, Signal } from './kinds.js';
import type { ModelFlow, ModelView } from './view-types.js';

/**
 * The semantic model: the architecture as the rules and the diagram see it. Built once
 * per document version from the document and the files it imports; nothing downstream
 * reads the AST.
 */

/** Where a thing is written: the document and the range of its name (or of the whole relation). */
export interface SourceLocation {
    readonly uri: string;
    /** The range to point a diagnostic at: the name of a declaration, the arrow of a relation. */
    readonly range: Range;
    /** The whole declaration. */
    readonly fullRange: Range;
}

/** Property values after validation: counts as numbers, durations in ms, sizes in bytes, flags as booleans. */
export type PropertyValue = number | string | boolean;
export type Properties = Readonly<Record<string, PropertyValue>>;

interface Located extends Annotations {
    readonly location: SourceLocation;
    /** Rule ids silenced by `// archsight-ignore <rule-id>` comments above the declaration. */
    readonly suppressions: readonly string[];
}

export interface ModelElement extends Located {
    readonly id: string;
    readonly kind: ElementKind;
    /** The label, or the id when there is none. */
    readonly label: string;
    readonly technology?: string;
    readonly properties: Properties;
    /** The innermost group that contains it. */
    readonly groupId?: string;
    /** For a sidecar: the element it is attached to. */
    readonly hostId?: string;
    readonly sidecarIds: readonly string[];
    /** For a data store: the service that owns its data. */
    readonly ownerId?: string;
    /** For a `version` or a database declared inside a `dbserver`: the element it is part of. */
    readonly partOf?: string;
    /** Versions of a service, databases of a database server, in the order written. */
    readonly partIds: readonly string[];
    /** The libraries it `uses`. */
    readonly libraryIds: readonly string[];
    readonly node: ArchElement;
}

export interface ModelGroup extends Located {
    readonly id: string;
    readonly kind: GroupKind;
    readonly label: string;
    readonly technology?: string;
    readonly properties: Properties;
    readonly parentId?: string;
    /** Direct members, in the order they are written. */
    readonly elementIds: readonly string[];
    readonly groupIds: readonly string[];
    readonly node: Group;
}

/**
 * `sync` is `->`, `async` is `~>`, `observe` is `..>`, and `trigger` is a function's
 * `trigger x` (an asynchronous link from `x` into the function).
 */
export type RelationKind = 'sync' | 'async' | 'observe' | 'trigger';

export interface ModelRelation extends Located {
    /** Stable across edits that do not reorder relations between the same ends. */
    readonly id: string;
    readonly kind: RelationKind;
    readonly sourceId: string;
    readonly targetId: string;
    readonly protocol?: string;
    readonly label?: string;
    /** For `observe`: the signal, from the protocol, the target's kind, or the helpers it passes. */
    readonly signal?: Signal;
    readonly properties: Properties;
    readonly node: Relation | Trigger;
}

/**
 * Something the builder could not take into the model as written: a duplicate id, a
 * property value that does not parse, a declaration in the wrong place. Validation
 * reports these; the model leaves the offending part out.
 */
export interface ModelProblem {
    readonly severity: 'error' | 'warning';
    readonly message: string;
    /** A stable code for the diagnostic. */
    readonly code: string;
    readonly uri: string;
    readonly node: AstNode;
    readonly property?: string;
}

export interface ArchModel {
    /** The document the model was built for. */
    readonly uri: string;
    readonly title?: string;
    /** Every element of the document and of the files it imports, in source order. */
    readonly elements: ReadonlyMap<string, ModelElement>;
    readonly groups: ReadonlyMap<string, ModelGroup>;
    /** Groups that sit at the top level, in source order. */
    readonly rootGroupIds: readonly string[];
    readonly relations: readonly ModelRelation[];
    readonly outgoing: ReadonlyMap<string, readonly ModelRelation[]>;
    readonly incoming: ReadonlyMap<string, readonly ModelRelation[]>;
    readonly problems: readonly ModelProblem[];
    /** `view` declarations, by id, in source order (the first of an id counts). */
    readonly views: ReadonlyMap<string, ModelView>;
    /** `flow` declarations, by id, with the relation each step takes. */
    readonly flows: ReadonlyMap<string, ModelFlow>;
}

export function outgoingOf(model: ArchModel, id: string): readonly ModelRelation[] {
    return model.outgoing.get(id) ?? [];
}

export function incomingOf(model: ArchModel, id: string): readonly ModelRelation[] {
    return model.incoming.get(id) ?? [];
}

/** The groups around an element or group, innermost first. */
export function ancestorGroups(model: ArchModel, id: string): ModelGroup[] {
    const result: ModelGroup[] = [];
    let groupId = model.elements.get(id)?.groupId ?? model.groups.get(id)?.parentId;
    while (groupId !== undefined && result.length <= model.groups.size) {
        const group = model.groups.get(groupId);
        if (!group) break;
        result.push(group);
        groupId = group.parentId;
    }
    return result;
}
