import { expect } from 'vitest';
import type { Box } from '../../language-server/src/diagram/graph-types.js';
import type { SequenceLayout } from '../../language-server/src/flows/sequence-layout.js';
import { contains, overlaps } from '../diagram/diagram-helpers.js';

/** No two things cover each other, labels sit between their lifelines above their arrows, frames cut through nothing. */
export function expectNoOverlaps(l: SequenceLayout) {
    const { participants, labels, arrows, tags } = sequenceBoxes(l);
    expect(collisions(participants, labels, arrows, tags)).toEqual([]);
    for (const m of l.messages) {
        // A label fits between the lifelines it joins, above its own arrow.
        if (m.labelBox && m.fromX !== m.toX) {
            expect(m.labelBox.x).toBeGreaterThanOrEqual(Math.min(m.fromX, m.toX));
            expect(m.labelBox.x + m.labelBox.width).toBeLessThanOrEqual(Math.max(m.fromX, m.toX));
        }
        if (m.labelBox) expect(m.labelBox.y + m.labelBox.height).toBeLessThan(m.y - 1);
    }
    // A frame holds its rows whole or not at all: no frame border runs through a label or an arrow.
    for (const frame of l.frames) {
        for (const { name, box } of [...labels, ...arrows]) {
            const inside = contains(frame.box, box);
            const apart = box.y >= frame.box.y + frame.box.height || box.y + box.height <= frame.box.y;
            expect(inside || apart, `${frame.kind} frame and ${name}`).toBe(true);
        }
    }
    // A box covers no other participant's lifeline (staggered boxes stand between their neighbours' lifelines).
    for (const p of l.participants) {
        for (const q of l.participants) {
            if (q !== p && q.box.y > p.box.y) expect(q.x - q.box.width / 2 > p.x || q.x + q.box.width / 2 < p.x, `${q.id} over the lifeline of ${p.id}`).toBe(true);
        }
    }
    expect(l.width).toBeGreaterThanOrEqual(Math.max(...l.frames.map(f => f.box.x + f.box.width), ...l.participants.map(p => p.box.x + p.box.width)));
}

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
