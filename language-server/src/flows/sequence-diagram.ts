import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow } from '../model/view-types.js';
import type { DiagramItem, DiagramOptions, DiagramResult } from '../diagram/diagram-types.js';
import { FONT, textWidth, truncate } from '../diagram/measure.js';
import { layoutSequence, SEQUENCE } from './sequence-layout.js';
import { sequenceSvg } from './sequence-svg.js';

const TITLE_FONT = FONT.groupLabel;
const MAX_TITLE = 720;

export interface SequenceOptions {
    readonly theme: DiagramOptions['theme'];
    readonly title?: string;
    /** Each step's budget in words, when known (`step-budget.ts`). */
    readonly budgets?: readonly (string | undefined)[];
}

/** A flow as a sequence diagram: the SVG, and where each participant and step is declared for click-to-source. */
export function drawSequence(model: ArchModel, flow: ModelFlow, options: SequenceOptions): DiagramResult {
    const title = options.title ? truncate(options.title, MAX_TITLE, TITLE_FONT) : undefined;
    const baseline = SEQUENCE.margin + 12;
    const budgets = options.budgets ?? [];
    const layout = layoutSequence(model, flow, budgets, title ? baseline + 14 : SEQUENCE.margin);
    const width = Math.max(layout.width, title ? textWidth(title, TITLE_FONT) + 2 * SEQUENCE.margin : 0, 200);
    const height = layout.height;
    const svg = sequenceSvg(layout, options.theme, { title, baseline }, width, height, budgets);
    return { svg, width, height, items: sequenceItems(model, layout.participants.map(p => p.id), layout.messages) };
}

function sequenceItems(model: ArchModel, participants: readonly string[], messages: ReturnType<typeof layoutSequence>['messages']): DiagramItem[] {
    const items: DiagramItem[] = [];
    for (const id of participants) {
        const element = model.elements.get(id);
        const declared = element ?? model.groups.get(id);
        if (declared) items.push({ id, type: element ? 'element' : 'group', ...declared.location });
    }
    // A click on a step reveals the step in the flow, not the relation it takes.
    for (const m of messages) items.push({ id: `step:${m.step.number}${m.answer ? ':answer' : ''}`, type: 'relation', ...m.step.location });
    return items;
}
