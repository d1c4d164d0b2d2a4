import type { ArchModel, Properties, SourceLocation } from '../model/model-types.js';

/**
 * The semantic model as plain JSON (`archsight render --format json`): what the rules and
 * the diagram read, without the syntax tree. Its shape is published as
 * `schemas/archsight.model.schema.json`; `version` changes when the shape does.
 */
export interface ModelJson {
    readonly $schema: string;
    readonly version: 1;
    readonly title?: string;
    readonly elements: ReadonlyArray<{ id: string; kind: string; label: string; technology?: string; group?: string; host?: string; owner?: string; properties: Properties; source: SourceJson }>;
    readonly groups: ReadonlyArray<{ id: string; kind: string; label: string; technology?: string; parent?: string; properties: Properties; source: SourceJson }>;
    readonly relations: ReadonlyArray<{ id: string; kind: string; source: string; target: string; protocol?: string; label?: string; signal?: string; properties: Properties; declared: SourceJson }>;
}

/** Where something is written: the file's URI and 1-based line and column. */
export interface SourceJson {
    readonly uri: string;
    readonly line: number;
    readonly column: number;
}

export const MODEL_SCHEMA_URL = 'https://raw.githubusercontent.com/archsight/archsight/main/schemas/archsight.model.schema.json';

export function modelToJson(model: ArchModel): ModelJson {
    return {
        $schema: MODEL_SCHEMA_URL,
        version: 1,
        ...(model.title !== undefined ? { title: model.title } : {}),
        elements: [...model.elements.values()].map(e => ({
            id: e.id, kind: e.kind, label: e.label, ...optional({ technology: e.technology, group: e.groupId, host: e.hostId, owner: e.ownerId }),
            properties: e.properties, source: sourceOf(e.location),
        })),
        groups: [...model.groups.values()].map(g => ({
            id: g.id, kind: g.kind, label: g.label, ...optional({ technology: g.technology, parent: g.parentId }),
            properties: g.properties, source: sourceOf(g.location),
        })),
        relations: model.relations.map(r => ({
            id: r.id, kind: r.kind, source: r.sourceId, target: r.targetId, ...optional({ protocol: r.protocol, label: r.label, signal: r.signal }),
            properties: r.properties, declared: sourceOf(r.location),
        })),
    };
}

function sourceOf(location: SourceLocation): SourceJson {
    return { uri: location.uri, line: location.range.start.line + 1, column: location.range.start.character + 1 };
}

function optional<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}
