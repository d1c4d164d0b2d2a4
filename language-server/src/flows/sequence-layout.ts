import type { ElementKind } from '../model/kinds.js';
import type { ArchModel, RelationKind } from '../model/model-types.js';
import type { ModelFlow, ModelFlowStep } from '../model/view-types.js';
import type { Box } from '../diagram/graph-types.js';
import { FONT, textWidth } from '../diagram/measure.js';
import { elementSize, type ElementText } from '../diagram/node-content.js';
import { flowParticipants } from './flow-selection.js';
import { frameBlocks } from './sequence-blocks.js';
import { COLUMNS, labelWidth, layoutColumns } from './sequence-columns.js';
import { PARTICIPANT, participantText } from './sequence-participants.js';

/**
 * A flow as a sequence diagram, laid out without overlaps: one lifeline per participant in
 * the order they first appear, one row per step top to bottom (and one more for the answer
 * to an awaited asynchronous step), `par` frames around steps that run in parallel and
 * `opt` frames around optional ones. Columns are spaced so that every message's label
 * (measured as `measure.ts` measures, wrapped to the room it has) fits between its two
 * lifelines (`sequence-columns.ts`); every label, frame tag and divider has a row band of
 * its own. Pure: the same flow gives the same layout.
 */

export interface SequenceParticipant {
    readonly id: string;
    readonly kind: ElementKind;
    readonly text: ElementText;
    readonly title: string;
    readonly box: Box;
    /** The lifeline's x. */
    readonly x: number;
}

export interface SequenceMessage {
    /** The step's index in the flow. */
    readonly index: number;
    readonly step: ModelFlowStep;
    readonly kind: RelationKind;
    /** The answer to an awaited asynchronous step, drawn back from its target. */
    readonly answer: boolean;
    readonly fromX: number;
    readonly toX: number;
    /** The arrow's height; a message from a participant to itself loops down to `y + SELF_DROP`. */
    readonly y: number;
    readonly lines: readonly string[];
    readonly labelBox?: Box;
}

export interface SequenceFrame {
    readonly kind: 'par' | 'opt';
    readonly box: Box;
    readonly tag: Box;
    /** Where the dashed lines between parallel branches run. */
    readonly dividers: readonly number[];
}

export interface SequenceLayout {
    readonly width: number;
    readonly height: number;
    readonly participants: readonly SequenceParticipant[];
    readonly lifelineTop: number;
    readonly lifelineBottom: number;
    readonly messages: readonly SequenceMessage[];
    readonly frames: readonly SequenceFrame[];
}

export const SEQUENCE = {
    margin: COLUMNS.margin, labelPad: COLUMNS.labelPad, rowGap: 12, arrowGap: 7,
    framePad: { par: 28, opt: 16 }, frameHead: 24, frameFoot: 8, tagHeight: 18, dividerGap: 8, selfWidth: 32, selfDrop: 14,
} as const;

/** How far below the upper row of staggered boxes the lower row starts. */
const STAGGER_DROP = 8;

export function layoutSequence(model: ArchModel, flow: ModelFlow, budgets: readonly (string | undefined)[] = [], top: number = SEQUENCE.margin): SequenceLayout {
    const ids = flowParticipants(flow);
    const texts = ids.map(id => participantText(model, id));
    const sizes = texts.map(t => elementSize(t.kind, t.text, PARTICIPANT.minWidth));
    const height = Math.max(0, ...sizes.map(s => s.height));
    const column = new Map(ids.map((id, i) => [id, i]));
    const drawn = flow.steps.map((step, index) => ({ step, index })).filter(s => s.step.sourceId !== undefined && s.step.targetId !== undefined);
    const { xs, lines, staggered } = layoutColumns(sizes.map(s => s.width), drawn.map(s => ({
        a: column.get(s.step.sourceId!)!, b: column.get(s.step.targetId!)!, text: messageText(s.step, model), budget: budgets[s.index],
    })));
    const steps = drawn.map((s, i) => ({ ...s, lines: lines[i] }));
    const participants = ids.map((id, i) => ({
        id, kind: texts[i].kind, text: texts[i].text, title: texts[i].title, x: xs[i],
        box: { x: xs[i] - sizes[i].width / 2, y: top + (staggered && i % 2 === 1 ? height + STAGGER_DROP : 0), width: sizes[i].width, height },
    }));
    const headBottom = Math.max(...participants.map(p => p.box.y + p.box.height));
    const messages: SequenceMessage[] = [];
    const frames: SequenceFrame[] = [];
    let y = headBottom + SEQUENCE.rowGap + 8;
    const row = (s: (typeof steps)[number], answer: boolean) => {
        const from = xs[column.get(answer ? s.step.targetId! : s.step.sourceId!)!];
        const to = xs[column.get(answer ? s.step.sourceId! : s.step.targetId!)!];
        const lines = answer ? [] : s.lines;
        const labelH = lines.length * FONT.edgeLabel.lineHeight + (lines.length > 0 ? 4 : 0);
        const width = labelWidth(lines);
        const self = from === to;
        const labelBox = lines.length === 0 ? undefined
            : { x: self ? from + SEQUENCE.labelPad / 2 : (from + to) / 2 - width / 2, y, width, height: labelH };
        const arrowY = y + labelH + SEQUENCE.arrowGap;
        messages.push({ index: s.index, step: s.step, kind: answer ? 'async' : s.step.kind, answer, fromX: from, toX: to, y: arrowY, lines, ...(labelBox ? { labelBox } : {}) });
        y = arrowY + (self ? SEQUENCE.selfDrop : 0) + SEQUENCE.rowGap;
    };
    const stepRows = (s: (typeof steps)[number]) => {
        row(s, false);
        if (s.step.awaited && s.step.kind !== 'sync') row(s, true);
    };
    const span = (group: readonly (typeof steps)[number][], pad: number) => {
        const cols = group.flatMap(s => [xs[column.get(s.step.sourceId!)!], xs[column.get(s.step.targetId!)!] + (s.step.sourceId === s.step.targetId ? selfReach(s.lines) : 0)]);
        return { x: Math.min(...cols) - pad, right: Math.max(...cols) + pad };
    };
    const frame = (kind: 'par' | 'opt', group: readonly (typeof steps)[number][], body: (dividers: number[]) => void) => {
        const { x, right } = span(group, SEQUENCE.framePad[kind]);
        const frameTop = y;
        y += SEQUENCE.frameHead;
        const dividers: number[] = [];
        body(dividers);
        y += SEQUENCE.frameFoot;
        const tagWidth = textWidth(kind, { size: 11, bold: true }) + 16;
        frames.push({ kind, box: { x, y: frameTop, width: right - x, height: y - frameTop }, tag: { x, y: frameTop, width: tagWidth, height: SEQUENCE.tagHeight }, dividers });
        y += SEQUENCE.rowGap;
    };
    const optional = (s: (typeof steps)[number]) => (s.step.optional ? frame('opt', [s], () => stepRows(s)) : stepRows(s));
    for (const block of frameBlocks(steps)) {
        if (block.length === 1) {
            optional(block[0]);
            continue;
        }
        frame('par', block, dividers => block.forEach((s, i) => {
            if (i > 0) {
                dividers.push(y);
                y += SEQUENCE.dividerGap;
            }
            optional(s);
        }));
    }
    const right = Math.max(...participants.map(p => p.box.x + p.box.width), ...frames.map(f => f.box.x + f.box.width),
        ...messages.map(m => Math.max(m.fromX, m.toX) + (m.fromX === m.toX ? SEQUENCE.selfWidth : 0)), ...messages.map(m => (m.labelBox ? m.labelBox.x + m.labelBox.width : 0)));
    return { width: Math.ceil(right + SEQUENCE.margin), height: Math.ceil(y + SEQUENCE.margin), participants, lifelineTop: headBottom, lifelineBottom: y, messages, frames };
}

/** A message's label: its number, then the step's label (else the relation's). */
function messageText(step: ModelFlowStep, model: ArchModel): string {
    const relation = step.relationId !== undefined ? model.relations.find(r => r.id === step.relationId) : undefined;
    const text = step.label ?? relation?.label ?? relation?.protocol ?? '';
    return text ? `${step.number}. ${text}` : step.number;
}

/** How far right of its lifeline a message to itself reaches: its loop, or its label. */
function selfReach(lines: readonly string[]): number {
    return Math.max(SEQUENCE.selfWidth, SEQUENCE.labelPad / 2 + labelWidth(lines));
}
