import type { SourceLocation } from '../model/model-types.js';

/** The drift codes, as diagnostics name them (docs/rules/drift.md explains each). */
export type DriftCode =
    | 'drift-undeclared-element' | 'drift-unobserved-element'
    | 'drift-undeclared-call' | 'drift-unobserved-call'
    | 'drift-policy' | 'drift-latency-over-timeout' | 'drift-call-kind' | 'drift-deeper-chain';

/** A difference between the model and what the sources show, placed on the model. */
export interface DriftFinding {
    readonly code: DriftCode;
    readonly severity: 'warning' | 'info';
    readonly message: string;
    /** Where in the model; undefined means the architecture as a whole (its first line). */
    readonly location?: SourceLocation;
    /** For undeclared calls: the ends, so the diagram can draw them dashed. */
    readonly call?: { readonly sourceId: string; readonly targetId: string; readonly arrow: string };
}
