/**
 * How long one layout may take. ELK's time grows much faster than the graph in dense parts
 * (25 services that all call each other took 34 s, 50 more than ten minutes): past the
 * budget the layout is stopped (its thread is ended and a new one started for the layouts
 * waiting behind it), so the person gets one clear message within seconds instead of a
 * preview that never comes, and the next document's layout does not wait behind it.
 */
export const LAYOUT_BUDGET_MS = 6_000;

/** A layout stopped at its budget: the graph is too dense to lay out in time. */
export class LayoutTimeoutError extends Error {
    constructor(readonly budgetMs: number) {
        super(`The diagram is too dense to lay out within ${budgetMs / 1000} s, so the layout was stopped. Draw a smaller part of it: one view, or the focus on one element or group.`);
        this.name = 'LayoutTimeoutError';
    }
}

export function isLayoutTimeout(error: unknown): error is LayoutTimeoutError {
    return error instanceof LayoutTimeoutError;
}
