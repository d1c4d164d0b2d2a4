import { FONT, textWidth, wrapText, type TextStyle } from '../diagram/measure.js';

/**
 * Where a sequence diagram's lifelines stand, and how each message's label wraps. The
 * lifelines start as close as their boxes allow; a message's label is wrapped to the room
 * between its two lifelines (onto at most three lines, its budget onto three more) and only
 * when it cannot fit that way are the lifelines it joins pushed apart. So the spacing comes
 * from what the messages between neighbours need, not from the longest label of the flow.
 * Labels stay on one line while the drawing fits a side pane that way. When even wrapped
 * labels leave the boxes side by side wider than a side pane shows legibly, every other
 * box is drawn one row lower ("staggered"): a box then only has to clear the box two
 * places away and the lifelines either side of it.
 */

export const COLUMNS = {
    margin: 16,
    /** Between two participants' boxes. */
    gap: 12,
    /** Between a label and the lifelines either side of it. */
    labelPad: 8,
    minLabel: 64,
    maxLabel: 260,
    labelLines: 3,
    budgetLines: 3,
    /** The room a `par` frame takes left of the first lifeline. */
    framePad: 28,
    /**
     * A drawing wider than this wraps its labels, then staggers its boxes: the preview fits a
     * drawing into a side pane 800 px wide less 16 px either side, 768 px, which shows 1,109 px
     * at 9/13 zoom; 1,060 leaves room for a scroll bar.
     */
    staggerAbove: 1060,
    /** Between a staggered box and the lifelines either side of it. */
    lifelineClear: 6,
} as const;

export interface ColumnMessage {
    /** The lifelines it joins (the same one for a message to itself). */
    readonly a: number;
    readonly b: number;
    readonly text: string;
    readonly budget?: string;
}

export interface Columns {
    readonly xs: readonly number[];
    /** Every other box (the odd ones) stands one row lower. */
    readonly staggered: boolean;
    /** Each message's label, wrapped to the room its lifelines have. */
    readonly lines: readonly (readonly string[])[];
}

export function layoutColumns(widths: readonly number[], messages: readonly ColumnMessage[]): Columns {
    // Labels on one line where the flow fits a side pane that way; wrapped if it does not; boxes staggered last.
    const tries = [{ staggered: false, minLabel: COLUMNS.maxLabel }, { staggered: false, minLabel: COLUMNS.minLabel }, { staggered: true, minLabel: COLUMNS.minLabel }];
    let columns: Columns | undefined;
    for (const t of tries) {
        if (t.staggered && widths.length < 3) break;
        columns = place(widths, messages, t.staggered, t.minLabel);
        const right = columns.xs[columns.xs.length - 1] + (widths[widths.length - 1] ?? 0) / 2 + COLUMNS.margin;
        if (right <= COLUMNS.staggerAbove) break;
    }
    return columns!;
}

function place(widths: readonly number[], messages: readonly ColumnMessage[], staggered: boolean, minLabel: number): Columns {
    const gaps = staggered ? staggeredGaps(widths) : widths.slice(1).map((w, i) => (widths[i] + w) / 2 + COLUMNS.gap);
    const spans = messages.map(m => {
        const lo = Math.min(m.a, m.b);
        const self = m.a === m.b;
        return { m, lo, hi: self ? lo + 1 : Math.max(m.a, m.b), pad: self ? COLUMNS.labelPad : 2 * COLUMNS.labelPad };
    });
    // A message to itself on the last lifeline has no neighbour to keep apart from: the drawing widens instead.
    const room = (s: (typeof spans)[number]) => (s.hi > gaps.length ? COLUMNS.maxLabel : gaps.slice(s.lo, s.hi).reduce((a, b) => a + b, 0) - s.pad);
    // The shortest messages claim room first; the room one needs is spread over the gaps it crosses.
    for (const s of [...spans].sort((p, q) => (p.hi - p.lo) - (q.hi - q.lo))) {
        const have = room(s);
        const need = labelWidth(messageLines(s.m, have, minLabel));
        if (s.hi <= gaps.length && have < need) for (let i = s.lo; i < s.hi; i++) gaps[i] += (need - have) / (s.hi - s.lo);
    }
    const first = COLUMNS.margin + Math.max((widths[0] ?? 0) / 2, COLUMNS.framePad);
    const xs = [first];
    gaps.forEach(g => xs.push(xs[xs.length - 1] + g));
    // Rooms only grew since each label was wrapped: wrapped again, a label takes no more lines.
    return { xs, staggered, lines: spans.map(s => messageLines(s.m, room(s), minLabel)) };
}

/** Gaps for staggered boxes: a lower box clears its neighbours' lifelines, a box clears the one two places away. */
function staggeredGaps(widths: readonly number[]): number[] {
    const lower = (i: number) => widths[i % 2 === 1 ? i : i + 1] ?? 0;
    const gaps = widths.slice(1).map((_, i) => lower(i) / 2 + COLUMNS.lifelineClear);
    for (let i = 0; i + 2 < widths.length; i++) {
        const need = (widths[i] + widths[i + 2]) / 2 + COLUMNS.gap - gaps[i] - gaps[i + 1];
        if (need > 0) gaps[i + 1] += need;
    }
    return gaps;
}

/** A label as wide as the room allows, but as narrow as three lines (its budget three more) permit. */
function messageLines(m: ColumnMessage, room: number, minLabel: number): string[] {
    // The label's background reaches 4 px past its text on either side.
    const limits = { min: minLabel, max: COLUMNS.maxLabel };
    const lines = fitText(m.text, room - 8, COLUMNS.labelLines, FONT.edgeLabel, limits);
    return m.budget ? [...lines, ...fitText(m.budget, room - 8, COLUMNS.budgetLines, FONT.edgeLabel, limits)] : lines;
}

/**
 * `text` wrapped at the room it has, widened (up to `maxLabel`) until it fits on `maxLines`
 * lines without cutting a word; past that, its last line ends in an ellipsis.
 */
export function fitText(text: string, room: number, maxLines: number, style: TextStyle = FONT.edgeLabel, limits: { min: number; max: number } = { min: COLUMNS.minLabel, max: COLUMNS.maxLabel }): string[] {
    const longestWord = Math.max(0, ...text.split(/\s+/).map(w => textWidth(w, style)));
    let width = Math.min(limits.max, Math.max(limits.min, Math.floor(room), longestWord));
    while (width < limits.max && wrapText(text, width, style, maxLines + 1).length > maxLines) width = Math.min(limits.max, width + 8);
    // Balanced: as narrow as the same number of lines allows, so that no line is left with one short word.
    const count = wrapText(text, width, style, maxLines).length;
    let lo = longestWord;
    while (count > 1 && lo < width) {
        const mid = Math.floor((lo + width) / 2);
        if (wrapText(text, mid, style, maxLines + 1).length <= count) width = mid;
        else lo = mid + 1;
    }
    return wrapText(text, width, style, maxLines);
}

export function labelWidth(lines: readonly string[]): number {
    return lines.length === 0 ? 0 : Math.max(...lines.map(l => textWidth(l, FONT.edgeLabel))) + 8;
}
