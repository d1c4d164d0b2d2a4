import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Range arithmetic shared by the server (which declaration holds a diagnostic) and the
 * extension (which declaration holds the cursor). No dependencies, so both bundles take it.
 */

export function comparePositions(a: Position, b: Position): number {
    return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Whether `inner` (a range or a position) lies within `outer`, ends included. */
export function containsRange(outer: Range, inner: Range | Position): boolean {
    const range = 'start' in inner ? inner : { start: inner, end: inner };
    return comparePositions(outer.start, range.start) <= 0 && comparePositions(range.end, outer.end) <= 0;
}

/**
 * The candidate whose range contains `target` and is the smallest of those: a sidecar
 * rather than its service, a relation rather than the group it is written in.
 */
export function innermostContaining<T>(candidates: Iterable<T>, rangeOf: (candidate: T) => Range, target: Range | Position): T | undefined {
    let best: T | undefined;
    let bestRange: Range | undefined;
    for (const candidate of candidates) {
        const range = rangeOf(candidate);
        if (!containsRange(range, target)) continue;
        // Nested declarations lie within each other, so "inside the best so far" means "smaller".
        if (!bestRange || containsRange(bestRange, range)) {
            best = candidate;
            bestRange = range;
        }
    }
    return best;
}
