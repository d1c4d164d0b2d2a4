import type { ArchModel } from '../../model/model-types.js';
import type { ModelFlow, ModelFlowStep } from '../../model/view-types.js';
import { callPolicy } from '../analysis/call-policy.js';

/**
 * The time budget of a flow, step by step: how long each step may keep its caller waiting
 * in the worst case, and how much of the budget it runs in is used when it answers.
 *
 * - A step runs **inside** the latest earlier synchronous (`->`) step of the flow that
 *   called its source: `edge -> orders` then `orders -> pay` puts the call to `pay` inside
 *   the wait for `orders`. A step whose source no earlier `->` step called (the entry, or
 *   what a message started) runs inside nothing.
 * - A synchronous step with a known timeout is the **budget** of the steps inside it: its
 *   caller gives up on each attempt after that timeout. The entry point's budget is the
 *   first step's: the timeout of the call from the flow's first caller.
 * - A step's **worst case** is its timeout × attempts (1 + retries), from the call's policy
 *   (the call, the caller's sidecar, the gateway, the mesh). A message (`~>`) that the flow
 *   does not await costs nothing. A call whose timeout is not written, is the platform's
 *   `default` or is `none`, and a message the flow awaits, have no known worst case.
 * - The steps inside a budget run one after the other; `parallel` steps together take as
 *   long as the slowest. **Used** is the worst-case time spent of the budget when the step
 *   answers: the earlier steps inside it (parallel ones: their slowest) and this one.
 */
export interface StepBudget {
    readonly step: ModelFlowStep;
    /** The step it runs inside, by index in the flow's steps. */
    readonly parent?: number;
    /** 1 + retries; unknown retries count as none. */
    readonly attempts: number;
    /** The timeout of one attempt, when its duration is known. */
    readonly timeoutMs?: number;
    /** Timeout × attempts; 0 for a message not awaited; undefined when not known (see `unknown`). */
    readonly worstMs?: number;
    /** Why the worst case is not known. */
    readonly unknown?: 'no-relation' | 'timeout-unknown' | 'timeout-default' | 'no-timeout' | 'awaited-message';
    /** The budget it runs in: the timeout of one attempt of the step it runs inside, when known. */
    readonly budgetMs?: number;
    /** Worst-case time used of that budget when this step answers; undefined outside every step, or when a step before it (or it) has no known worst case. */
    readonly usedMs?: number;
}

/** Each step's worst case and its share of the budget it runs in, in the flow's order. */
export function flowBudget(model: ArchModel, flow: ModelFlow): StepBudget[] {
    const relations = relationIndex(model);
    const costs = flow.steps.map(step => costOf(model, relations, step));
    const parents = flow.steps.map((step, i) => parentOf(flow.steps, i, step));
    const result: StepBudget[] = [];
    for (let i = 0; i < flow.steps.length; i++) {
        const parent = parents[i];
        const budgetMs = parent === undefined ? undefined : costs[parent].timeoutMs;
        const siblings = parent === undefined ? [] : flow.steps.map((_, j) => j).filter(j => j <= i && parents[j] === parent);
        result.push({ step: flow.steps[i], parent, ...costs[i], budgetMs, usedMs: parent === undefined ? undefined : usedBy(flow.steps, costs, siblings, i) });
    }
    return result;
}

/** The worst case of the steps inside step `index`, one group after the other; undefined when one is not known. */
export function timeInside(budget: readonly StepBudget[], index: number): number | undefined {
    const inside = budget.map((_, j) => j).filter(j => budget[j].parent === index);
    const steps = budget.map(b => b.step);
    return inside.length === 0 ? 0 : usedBy(steps, budget, inside, inside[inside.length - 1], true);
}

type Cost = Pick<StepBudget, 'attempts' | 'timeoutMs' | 'worstMs' | 'unknown'>;

function costOf(model: ArchModel, relations: ReadonlyMap<string, ArchModel['relations'][number]>, step: ModelFlowStep): Cost {
    const relation = step.relationId === undefined ? undefined : relations.get(step.relationId);
    if (!relation) return { attempts: 1, unknown: 'no-relation' };
    if (relation.kind !== 'sync') return step.awaited ? { attempts: 1, unknown: 'awaited-message' } : { attempts: 1, worstMs: 0 };
    const policy = callPolicy(model, relation);
    const attempts = 1 + (policy.retries?.count ?? 0);
    if (policy.timeout) return { attempts, timeoutMs: policy.timeout.ms, worstMs: policy.timeout.ms * attempts };
    const unknown = policy.timeoutState === 'default' ? 'timeout-default' : policy.timeoutState === 'none' ? 'no-timeout' : 'timeout-unknown';
    return { attempts, unknown };
}

/** The latest earlier synchronous step, not run in parallel with this one, that called this step's source. */
function parentOf(steps: readonly ModelFlowStep[], index: number, step: ModelFlowStep): number | undefined {
    if (step.sourceId === undefined) return undefined;
    for (let j = index - 1; j >= 0; j--) {
        const before = steps[j];
        if (before.order < step.order && before.kind === 'sync' && before.targetId === step.sourceId) return j;
    }
    return undefined;
}

/**
 * Time used when step `last` answers, of the steps `indices` (in order) inside one budget:
 * the groups before its own one after the other, then its own (`whole`: the group's slowest; else the step).
 */
function usedBy(steps: readonly ModelFlowStep[], costs: readonly Cost[], indices: readonly number[], last: number, whole = false): number | undefined {
    let total = 0;
    const order = steps[last].order;
    const groups = new Map<number, number[]>();
    for (const j of indices) {
        if (steps[j].order > order) continue;
        const group = groups.get(steps[j].order);
        if (group) group.push(j);
        else groups.set(steps[j].order, [j]);
    }
    for (const [groupOrder, members] of groups) {
        const counted = groupOrder === order && !whole ? [last] : members;
        let slowest = 0;
        for (const j of counted) {
            const worst = costs[j].worstMs;
            if (worst === undefined) return undefined;
            slowest = Math.max(slowest, worst);
        }
        total += slowest;
    }
    return total;
}

const relationCache = new WeakMap<ArchModel, ReadonlyMap<string, ArchModel['relations'][number]>>();

function relationIndex(model: ArchModel): ReadonlyMap<string, ArchModel['relations'][number]> {
    let index = relationCache.get(model);
    if (!index) relationCache.set(model, index = new Map(model.relations.map(r => [r.id, r])));
    return index;
}
