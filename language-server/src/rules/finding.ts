import type { QuickFix } from './quick-fix.js';

/**
 * What a finding or a related location points at: an element, a group or a relation, by
 * id, or a step of a flow (`<flow>/<source><arrow><target>`, `flows/flow-step-ids.ts`).
 */
export interface TargetRef {
    readonly kind: 'element' | 'group' | 'relation' | 'flow-step';
    readonly id: string;
}

export const element = (id: string): TargetRef => ({ kind: 'element', id });
export const group = (id: string): TargetRef => ({ kind: 'group', id });
export const relation = (id: string): TargetRef => ({ kind: 'relation', id });
export const flowStep = (id: string): TargetRef => ({ kind: 'flow-step', id });

/** Another place that explains a finding: the other services that share a database, a hop of a cycle. */
export interface RelatedInfo {
    readonly target: TargetRef;
    readonly message: string;
}

/** What a rule reports: where, a one-line message naming the elements, and what else to look at. */
export interface Finding {
    readonly target: TargetRef;
    readonly message: string;
    readonly related?: readonly RelatedInfo[];
    /** Mechanical fixes the editor offers; suppression is always offered besides these. */
    readonly fixes?: readonly QuickFix[];
}
