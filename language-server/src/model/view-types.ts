import type { Flow, FlowCall, View, ViewPattern } from '../../generated/ast.js';
import type { RelationKind, SourceLocation } from './model-types.js';

/**
 * Views and flows as the model holds them: what a `view` declaration asks to draw, and
 * the steps of a `flow`. Selecting what a view draws is `views/`' work.
 */

/**
 * One include or exclude: an id, the members of a group (`payments.*`), what an element
 * calls or is called by (`orders->*`, `*->orders`), everything (`*`), or a filter.
 */
export type ViewPatternSpec =
    | { readonly type: 'id' | 'members' | 'outgoing' | 'incoming'; readonly id: string; readonly node: ViewPattern }
    | { readonly type: 'all'; readonly node: ViewPattern }
    | { readonly type: 'tag' | 'kind' | 'concern'; readonly value: string; readonly node: ViewPattern };

/** The relations a concern filter stands for. */
export type Concern = 'calls' | 'messaging' | 'observability';
export const CONCERNS: readonly Concern[] = ['calls', 'messaging', 'observability'];

export type ViewDirection = 'DOWN' | 'RIGHT';

/** How open a view starts (`level …`): every group closed (`systems`, 0), the groups less than n deep open, all, or what reads. */
export type ViewLevel = 'auto' | 'full' | number;
export const VIEW_LEVEL_WORDS: Readonly<Record<string, ViewLevel>> = { systems: 0, full: 'full', auto: 'auto' };

/** A written level as the diagram takes it, or undefined when it is neither a word above nor a depth from 0 to 100. */
export function viewLevel(written: string): ViewLevel | undefined {
    if (Object.hasOwn(VIEW_LEVEL_WORDS, written)) return VIEW_LEVEL_WORDS[written];
    return /^\d{1,3}$/.test(written) && Number(written) <= 100 ? Number(written) : undefined;
}
export const VIEW_DIRECTIONS: Readonly<Record<string, ViewDirection>> = { down: 'DOWN', right: 'RIGHT' };

export interface ModelView {
    readonly id: string;
    /** The label, or the id when there is none. */
    readonly label: string;
    /** A title to print above the diagram, when given. */
    readonly title?: string;
    /** When written and known. */
    readonly direction?: ViewDirection;
    /** When written and known: how open the view starts (the preview's double-clicks open more). */
    readonly level?: ViewLevel;
    readonly includes: readonly ViewPatternSpec[];
    readonly excludes: readonly ViewPatternSpec[];
    readonly location: SourceLocation;
    readonly node: View;
}

export interface ModelFlowStep {
    /** The step's number as drawn: `3`, or `3a`, `3b` for steps that run in parallel. */
    readonly number: string;
    /** Position in the flow, from 0: parallel steps share it. */
    readonly order: number;
    readonly kind: RelationKind;
    readonly arrow: string;
    /** Undefined when a reference does not resolve (the linker reports it). */
    readonly sourceId?: string;
    readonly targetId?: string;
    readonly label?: string;
    readonly optional: boolean;
    /** The flow waits for the answer of this step. */
    readonly awaited: boolean;
    readonly parallel: boolean;
    /** The relation of the model the step takes, when there is one. */
    readonly relationId?: string;
    readonly location: SourceLocation;
    readonly node: FlowCall;
}

export interface ModelFlow {
    readonly id: string;
    readonly label: string;
    readonly steps: readonly ModelFlowStep[];
    readonly location: SourceLocation;
    readonly node: Flow;
}

/** The grammar's words for tags, meta, links, views and flows (`ViewKeyword`): each also names elements. */
export const VIEW_KEYWORDS: readonly string[] = [
    'tags', 'meta', 'link', 'view', 'flow', 'include', 'exclude', 'direction', 'title',
    'tag', 'kind', 'concern', 'parallel', 'optional', 'await', 'level',
];
