import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow } from '../model/view-types.js';

/**
 * Each step's worst-case time against the flow's budget, in words (`≤ 1.5 s of 2 s`), or
 * undefined where it is not known; one entry per step, in order. The flow rules compute
 * it; the drawing shows it in the step's badge and on the sequence diagram.
 */
export type StepBudgets = (model: ArchModel, flow: ModelFlow) => readonly (string | undefined)[];

/** No budget known: what the drawing uses until the flow rules provide one. */
export const noBudgets: StepBudgets = (_model, flow) => flow.steps.map(() => undefined);
