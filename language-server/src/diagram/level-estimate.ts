import type { FlowDirection } from './graph-types.js';
import { LABEL_PX, MIN_TEXT_PX, textPxAtFit, type Pane } from './level-of-detail.js';

/**
 * Guesses how large a level of detail will read before it is laid out, so that `--level
 * auto` lays out only the levels that may be chosen (a layout of 200 elements takes
 * seconds when ELK is cold; a guess takes microseconds). The guess scales the area of the
 * boxes by how much room the last layout in the same direction took around its boxes
 * (edges, labels, spacing, legend: 6 to 47 times the boxes' area in the samples) and keeps
 * that layout's aspect. Margins keep the choice that laying out every level would make:
 * on the samples it is the same choice with 40% fewer layouts.
 */

/** No drawing took less than 5 times its boxes' area in the samples (the fewest edges): the most a level can read. */
const LEAST_SPREAD = 5;
/** A level guessed below MIN_TEXT_PX × this is not laid out (guesses were off by up to 15% in the samples). */
const MARGIN = 0.8;
/** The other direction is not laid out when guessed below the one laid out × this. */
const OTHER_DIRECTION = 0.8;
/** Before a layout in a direction, the room the other direction took, divided by this, stands in for it. */
const ACROSS = 1.5;

interface Measured {
    readonly spread: number;
    readonly aspect: number;
}

/** What the layouts so far say about the room a drawing takes, per direction. */
export class LevelEstimate {
    private readonly measured = new Map<FlowDirection, Measured>();

    constructor(private readonly pane: Pane) {}

    /** Notes a drawing laid out in `direction`: its boxes' area and its size. */
    record(direction: FlowDirection, area: number, width: number, height: number): void {
        if (area > 0 && width > 0 && height > 0) this.measured.set(direction, { spread: (width * height) / area, aspect: width / height });
    }

    /** The label size the drawing is guessed to read at, or undefined before a layout in this direction. */
    guess(direction: FlowDirection, area: number): number | undefined {
        const measured = this.measured.get(direction);
        if (!measured) return undefined;
        const drawn = measured.spread * area;
        return textPxAtFit(Math.sqrt(drawn * measured.aspect), Math.sqrt(drawn / measured.aspect), this.pane);
    }

    /**
     * Whether a level in `direction` is worth laying out: it may read (its boxes alone do
     * not forbid it, and the last layout in this direction does not say it will be far too
     * small), and, when the other direction was laid out at this level and read `otherPx`,
     * it may read about as large. Before any layout in `direction`, the room the other
     * direction's layout took stands in (`guessAcross`).
     */
    worthLayingOut(direction: FlowDirection, area: number, otherPx?: number): boolean {
        if (!this.mayRead(area)) return false;
        const guessed = this.guess(direction, area);
        if (guessed === undefined) return (this.guessAcross(direction, area) ?? Infinity) >= MIN_TEXT_PX * MARGIN;
        return guessed >= MIN_TEXT_PX * MARGIN && this.mayReadAsLarge(direction, area, otherPx);
    }

    /** Whether boxes of this area may read in the pane at all: not if they would read too small with the least room any drawing took around its boxes. */
    mayRead(area: number): boolean {
        return LABEL_PX * Math.min(1, Math.sqrt((this.pane.width * this.pane.height) / (LEAST_SPREAD * area))) >= MIN_TEXT_PX;
    }

    /**
     * Whether a layout in `direction` may read about as large as `px`, the largest drawing
     * so far: for the level drawn as the last resort, which is laid out whatever it reads,
     * only in the directions that may beat what is drawn already.
     */
    mayReadAsLarge(direction: FlowDirection, area: number, px?: number): boolean {
        const guessed = this.guess(direction, area) ?? this.guessAcross(direction, area);
        return px === undefined || guessed === undefined || guessed >= px * OTHER_DIRECTION;
    }

    /**
     * The most a drawing in `direction` could read before any layout in it, from the room
     * a layout in the other direction took. The two directions of one level took about as
     * much room around their boxes (to the right 0.75 to 1.28 times as much as down, in 75
     * levels of the samples, the evaluated systems and the benchmark's models) but in other
     * shapes; so the guess takes two thirds of that room, in the shape that fits the pane best.
     */
    private guessAcross(direction: FlowDirection, area: number): number | undefined {
        const other = this.measured.get(direction === 'DOWN' ? 'RIGHT' : 'DOWN');
        if (!other) return undefined;
        return LABEL_PX * Math.min(1, Math.sqrt((this.pane.width * this.pane.height) / ((other.spread / ACROSS) * area)));
    }
}
