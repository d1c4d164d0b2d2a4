import type { Box } from '../../language-server/src/diagram/graph-types.js';
import type { SequenceLayout } from '../../language-server/src/flows/sequence-layout.js';
import { overlaps } from '../diagram/diagram-helpers.js';

/** The things of a sequence diagram that must not cover one another, each named for the message. */
export function sequenceBoxes(layout: SequenceLayout) {
    const name = (m: SequenceLayout['messages'][number]) => `${m.step.number}${m.answer ? ' answer' : ''}`;
    const participants = layout.participants.map(p => ({ name: `box ${p.id}`, box: p.box }));
    const labels = layout.messages.flatMap(m => (m.labelBox ? [{ name: `label ${name(m)}`, box: m.labelBox }] : []));
    // An arrow is its line and its head, 5 px either side.
    const arrows = layout.messages.map(m => ({ name: `arrow ${name(m)}`, box: arrowBox(m) }));
    const tags = layout.frames.map((f, i) => ({ name: `tag ${f.kind} ${i}`, box: f.tag }));
    return { participants, labels, arrows, tags };
}

function arrowBox(m: SequenceLayout['messages'][number]): Box {
    const left = Math.min(m.fromX, m.toX);
    const right = m.fromX === m.toX ? m.fromX + 32 : Math.max(m.fromX, m.toX);
    return { x: left, y: m.y - 5, width: right - left, height: (m.fromX === m.toX ? 14 : 0) + 10 };
}

/** Every pair, one from each list (or two of one list), whose interiors meet. */
export function collisions(...lists: { name: string; box: Box }[][]): string[] {
    const all = lists.flatMap((list, i) => list.map(item => ({ ...item, list: i })));
    const found: string[] = [];
    for (const [i, a] of all.entries()) {
        for (const b of all.slice(i + 1)) if (overlaps(a.box, b.box)) found.push(`${a.name} / ${b.name}`);
    }
    return found;
}
