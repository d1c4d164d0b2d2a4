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
 * - A step's **worst case** is its timeout × attempts (1 + retries), × `repeat` for a call made
 *   several times per request (one after the other), from the call's policy
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
    /** How many times one request makes the call (`repeat`, 1 when not written). */
    readonly repeat: number;
    /** The timeout of one attempt, when its duration is known. */
    readonly timeoutMs?: number;
    /** Timeout × attempts × repeat; 0 for a message not awaited; undefined when not known (see `unknown`). */
    readonly worstMs?: number;
    /** Why the worst case is not known. */
    readonly unknown?: 'no-relation' | 'timeout-unknown' | 'timeout-default' | 'no-timeout' | 'awaited-message';
    /** The budget it runs in: the timeout of one attempt of the step it runs inside, when known. */
    readonly budgetMs?: number;
    /** Worst-case time used of that budget when this step answers; undefined outside every step, or when a step before it (or it) has no known worst case. */
    readonly usedMs?: number;
    /** How many steps run inside this one. */
    readonly stepsInside: number;
    /** Their worst case together (0 when there are none); undefined when one of them has none known. */
    readonly insideMs?: number;
}

/**
 * Each step's worst case and its share of the budget it runs in, in the flow's order. One
 * pass over the steps, remembered per model and flow: the rules and the hover ask alike.
 */
export function flowBudget(model: ArchModel, flow: ModelFlow): StepBudget[] {
    let byFlow = budgetCache.get(model);
    if (!byFlow) budgetCache.set(model, byFlow = new Map());
    let budget = byFlow.get(flow.id);
    if (!budget || budget.flow !== flow) byFlow.set(flow.id, budget = { flow, steps: computeBudget(model, flow) });
    return budget.steps;
}

/** The worst case of the steps inside step `index`, one group after the other (0 when none); undefined when one is not known. */
export function timeInside(budget: readonly StepBudget[], index: number): number | undefined {
    return budget[index]?.insideMs;
}

/** For each step, the indices of the steps that run inside it, in order. */
export function insideLists(budget: readonly StepBudget[]): number[][] {
    const lists: number[][] = budget.map(() => []);
    budget.forEach((b, index) => { if (b.parent !== undefined) lists[b.parent].push(index); });
    return lists;
}

const budgetCache = new WeakMap<ArchModel, Map<string, { flow: ModelFlow; steps: StepBudget[] }>>();

type Cost = Pick<StepBudget, 'attempts' | 'repeat' | 'timeoutMs' | 'worstMs' | 'unknown'>;

/** The time spent inside one step so far: the groups done, and the slowest of the group running. */
interface Clock {
    done: number | undefined;
    order: number;
    slowest: number | undefined;
}

function computeBudget(model: ArchModel, flow: ModelFlow): StepBudget[] {
    const relations = relationIndex(model);
    const steps = flow.steps;
    const costs = steps.map(step => costOf(model, relations, step));
    // Per element, the latest `->` step of an earlier group that called it: the step a call from it runs inside.
    const callerOf = new Map<string, number>();
    const parents: Array<number | undefined> = [];
    const used: Array<number | undefined> = [];
    const clocks = new Map<number, Clock>();
    for (let start = 0; start < steps.length;) {
        let end = start;
        while (end < steps.length && steps[end].order === steps[start].order) end++;
        for (let i = start; i < end; i++) {
            const parent = steps[i].sourceId === undefined ? undefined : callerOf.get(steps[i].sourceId!);
            parents.push(parent);
            used.push(parent === undefined ? undefined : tick(clocks, parent, steps[i].order, costs[i].worstMs));
        }
        for (let i = start; i < end; i++) if (steps[i].kind === 'sync' && steps[i].targetId !== undefined) callerOf.set(steps[i].targetId!, i);
        start = end;
    }
    const inside = new Map<number, number>();
    for (const parent of parents) if (parent !== undefined) inside.set(parent, (inside.get(parent) ?? 0) + 1);
    return steps.map((step, i) => {
        const parent = parents[i];
        const clock = clocks.get(i);
        return {
            step, parent, ...costs[i],
            budgetMs: parent === undefined ? undefined : costs[parent].timeoutMs,
            usedMs: used[i],
            stepsInside: inside.get(i) ?? 0,
            insideMs: clock ? add(clock.done, clock.slowest) : 0,
        };
    });
}

/** Adds a step of `order` taking `worst` to the clock of `parent`; returns the time used when it answers. */
function tick(clocks: Map<number, Clock>, parent: number, order: number, worst: number | undefined): number | undefined {
    let clock = clocks.get(parent);
    if (!clock) clocks.set(parent, clock = { done: 0, order, slowest: 0 });
    if (clock.order !== order) {
        clock.done = add(clock.done, clock.slowest);
        clock.order = order;
        clock.slowest = 0;
    }
    clock.slowest = clock.slowest === undefined || worst === undefined ? undefined : Math.max(clock.slowest, worst);
    return add(clock.done, worst);
}

function add(a: number | undefined, b: number | undefined): number | undefined {
    return a === undefined || b === undefined ? undefined : a + b;
}

function costOf(model: ArchModel, relations: ReadonlyMap<string, ArchModel['relations'][number]>, step: ModelFlowStep): Cost {
    const relation = step.relationId === undefined ? undefined : relations.get(step.relationId);
    if (!relation) return { attempts: 1, repeat: 1, unknown: 'no-relation' };
    if (relation.kind !== 'sync') return step.awaited ? { attempts: 1, repeat: 1, unknown: 'awaited-message' } : { attempts: 1, repeat: 1, worstMs: 0 };
    const policy = callPolicy(model, relation);
    const attempts = 1 + (policy.retries?.count ?? 0);
    const repeat = typeof relation.properties.repeat === 'number' ? relation.properties.repeat : 1;
    if (policy.timeout) return { attempts, repeat, timeoutMs: policy.timeout.ms, worstMs: policy.timeout.ms * attempts * repeat };
    const unknown = policy.timeoutState === 'default' ? 'timeout-default' : policy.timeoutState === 'none' ? 'no-timeout' : 'timeout-unknown';
    return { attempts, repeat, unknown };
}

/** The relation a step takes, by the model's index of relations. */
export function relationOf(model: ArchModel, step: ModelFlowStep): ArchModel['relations'][number] | undefined {
    return step.relationId === undefined ? undefined : relationIndex(model).get(step.relationId);
}

const relationCache = new WeakMap<ArchModel, ReadonlyMap<string, ArchModel['relations'][number]>>();

function relationIndex(model: ArchModel): ReadonlyMap<string, ArchModel['relations'][number]> {
    let index = relationCache.get(model);
    if (!index) relationCache.set(model, index = new Map(model.relations.map(r => [r.id, r])));
    return index;
}
