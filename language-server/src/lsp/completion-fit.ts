import { ELEMENT_KINDS, isObservabilityKind, type ElementKind } from '../model/kinds.js';
import type { Arrow } from './completion-spot.js';
import { isElementKind } from './kind-icons.js';

/**
 * Which declarations fit a reference, so completion offers only ids that make a valid
 * link. Mirrors the relation-end checks of validation.
 */

/** A declaration offered for a reference; `kind` is unknown when it could not be looked up. */
export interface Candidate {
    readonly id: string;
    readonly kind?: string;
    readonly label: string;
    readonly technology?: string;
}

/** What can start a function (a trigger): the design's list of event sources. */
export const TRIGGER_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>(['gateway', 'storage', 'queue', 'bus', 'database', 'logs', 'timer', 'esb']);

function elementKind(candidate: Candidate): ElementKind | undefined {
    return candidate.kind && isElementKind(candidate.kind) ? candidate.kind : undefined;
}

/**
 * `..>` reaches observability back ends and helpers. `->` and `~>` reach anything else
 * but timers (they only fire); `->` also leaves out clients, which call rather than
 * answer. Nothing links to itself.
 */
export function fitsArrowTarget(candidate: Candidate, arrow: Arrow, sourceId: string | undefined): boolean {
    if (candidate.id === sourceId) return false;
    const kind = elementKind(candidate);
    if (arrow === '..>') return kind !== undefined && isObservabilityKind(kind);
    if (kind === undefined) return true;
    if (isObservabilityKind(kind) || kind === 'timer') return false;
    return !(arrow === '->' && ELEMENT_KINDS[kind].tier === 'client');
}

export function fitsTrigger(candidate: Candidate): boolean {
    const kind = elementKind(candidate);
    return kind !== undefined && TRIGGER_KINDS.has(kind);
}

/** A data store's owner is a workload: a service, function or component. */
export function fitsOwner(candidate: Candidate): boolean {
    const kind = elementKind(candidate);
    return kind !== undefined && ELEMENT_KINDS[kind].workload;
}
