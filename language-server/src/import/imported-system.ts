import type { ElementKind } from '../model/kinds.js';

/**
 * What an importer saw in a running system's description, before it becomes `.arch` text:
 * elements and relations with the place each came from, and notes on what was skipped or
 * guessed. Importers fill one `ImportedSystem`; the writer turns it into a model file and
 * drift compares it with a model.
 */

/** A property value as it will be written: a number, a word or quantity, a quoted text, or a flag. */
export type ImportedValue = number | string | boolean;

export interface ImportedElement {
    readonly id: string;
    kind: ElementKind;
    label?: string;
    technology?: string;
    readonly properties: Map<string, ImportedValue>;
    /** Where it was seen: `docker-compose.yaml: services.cart`. */
    readonly origins: string[];
}

export type ImportedArrow = '->' | '~>' | '..>';

export interface ImportedRelation {
    readonly sourceId: string;
    readonly targetId: string;
    arrow: ImportedArrow;
    protocol?: string;
    label?: string;
    readonly properties: Map<string, ImportedValue>;
    readonly origins: string[];
    /** What traces measured on this call. */
    stats?: CallStats;
}

/** Latencies in milliseconds. */
export interface CallStats {
    readonly count: number;
    readonly errors: number;
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
}

export interface ImportedSystem {
    readonly elements: Map<string, ImportedElement>;
    readonly relations: Map<string, ImportedRelation>;
    /** Files read, one line each, for the header. */
    readonly read: string[];
    /** Things guessed (a kind from an image name, a relation from an environment variable). */
    readonly guesses: string[];
    /** Unknown kinds and fields, each said once. */
    readonly notes: string[];
    /** What the user should fix in the sources (a missing `env_file`): in the header, and said on the console. */
    readonly warnings: string[];
    /** Sidecar-injected workloads (Istio), by element id. */
    readonly meshMembers: Set<string>;
    /** The longest synchronous call path traces saw from each element, in hops. */
    readonly observedDepth: Map<string, number>;
    /** Properties of the mesh group (mTLS from a PeerAuthentication). */
    readonly meshProperties: Map<string, ImportedValue>;
    /**
     * Call policies that mesh routing gives every caller of an element (VirtualService
     * timeouts and retries, DestinationRule breakers and mTLS); put on each relation into it
     * once every source is read.
     */
    readonly routePolicies: Map<string, { properties: Map<string, ImportedValue>; origins: string[] }>;
    /** What kinds of sources were read: drift compares only what they can show. */
    readonly sourceKinds: Set<'compose' | 'kubernetes' | 'traces'>;
}

export function emptySystem(): ImportedSystem {
    return {
        elements: new Map(), relations: new Map(), read: [], guesses: [], notes: [], warnings: [],
        meshMembers: new Set(), meshProperties: new Map(), routePolicies: new Map(), observedDepth: new Map(), sourceKinds: new Set(),
    };
}

/** Adds an element, or merges into the one with the same id (first kind and label win, origins add up). */
export function addElement(system: ImportedSystem, id: string, kind: ElementKind, origin: string, technology?: string): ImportedElement {
    const existing = system.elements.get(id);
    if (existing) {
        if (!existing.origins.includes(origin)) existing.origins.push(origin);
        if (!existing.technology && technology) existing.technology = technology;
        return existing;
    }
    const element: ImportedElement = { id, kind, technology, properties: new Map(), origins: [origin] };
    system.elements.set(id, element);
    return element;
}

export function relationKey(sourceId: string, targetId: string): string {
    return `${sourceId}\u0000${targetId}`;
}

/** Adds a relation between two ids, or merges into the one already there between the same ends. */
export function addRelation(system: ImportedSystem, sourceId: string, targetId: string, arrow: ImportedArrow, origin: string): ImportedRelation | undefined {
    if (sourceId === targetId) return undefined;
    const key = relationKey(sourceId, targetId);
    const existing = system.relations.get(key);
    if (existing) {
        if (!existing.origins.includes(origin)) existing.origins.push(origin);
        return existing;
    }
    const relation: ImportedRelation = { sourceId, targetId, arrow, properties: new Map(), origins: [origin] };
    system.relations.set(key, relation);
    return relation;
}

// What each list already holds, so that saying a thing once stays linear in large imports.
const said = new WeakMap<string[], Set<string>>();

function sayOnce(list: string[], text: string): void {
    let seen = said.get(list);
    if (!seen) said.set(list, seen = new Set(list));
    if (seen.has(text)) return;
    seen.add(text);
    list.push(text);
}

/** Records a note once, however often the importer meets the same thing. */
export function noteOnce(system: ImportedSystem, note: string): void {
    sayOnce(system.notes, note);
}

export function warnOnce(system: ImportedSystem, warning: string): void {
    sayOnce(system.warnings, warning);
}

export function guessOnce(system: ImportedSystem, guess: string): void {
    sayOnce(system.guesses, guess);
}

/** Records a policy that mesh routing gives every call into an element. */
export function addRoutePolicy(system: ImportedSystem, targetId: string, key: string, value: ImportedValue, origin: string): void {
    let policy = system.routePolicies.get(targetId);
    if (!policy) system.routePolicies.set(targetId, policy = { properties: new Map(), origins: [] });
    policy.properties.set(key, value);
    if (!policy.origins.includes(origin)) policy.origins.push(origin);
}

/** Puts the route policies on every relation into their element; call once all sources are read. */
export function applyRoutePolicies(system: ImportedSystem): void {
    const used = new Set<string>();
    for (const relation of system.relations.values()) {
        const policy = system.routePolicies.get(relation.targetId);
        if (!policy || relation.arrow !== '->') continue;
        used.add(relation.targetId);
        for (const [key, value] of policy.properties) if (!relation.properties.has(key)) relation.properties.set(key, value);
        for (const origin of policy.origins) if (!relation.origins.includes(origin)) relation.origins.push(origin);
    }
    for (const [targetId, policy] of system.routePolicies) {
        if (used.has(targetId)) continue;
        const what = [...policy.properties].map(([key, value]) => value === true ? key : `${key} ${value}`).join(', ');
        noteOnce(system, `${policy.origins.join('; ')}: gives calls into ${targetId} ${what}, but no call into ${targetId} is known (add traces to see them).`);
    }
}

/** A file that is not what it claims to be: one line, exit code 2. */
export class ImportError extends Error {}
