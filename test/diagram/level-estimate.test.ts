import { describe, expect, test } from 'vitest';
import { LevelEstimate } from '../../language-server/src/diagram/level-estimate.js';
import { textPxAtFit } from '../../language-server/src/diagram/level-of-detail.js';

const pane = { width: 800, height: 1000 };

describe('guessing how large a level of detail reads before laying it out', () => {
    test('boxes that alone would need more room than a readable pane shows are not laid out', () => {
        const estimate = new LevelEstimate(pane);
        // 200 boxes of 160 × 60: even packed at the least spread seen, labels would be about 4 px.
        expect(estimate.worthLayingOut('DOWN', 200 * 160 * 60)).toBe(false);
        // 20 such boxes may read: without a layout to go by, it is laid out.
        expect(estimate.worthLayingOut('DOWN', 20 * 160 * 60)).toBe(true);
    });

    test('after a layout, a level guessed far below readable is skipped and one near it is not', () => {
        const estimate = new LevelEstimate(pane);
        // 30 boxes drew 2600 × 2500 (23 times their area): 4 px in the pane.
        const area = 30 * 160 * 60;
        estimate.record('DOWN', area, 2600, 2500);
        expect(estimate.guess('DOWN', area)).toBeCloseTo(textPxAtFit(2600, 2500, pane), 5);
        // A quarter of the boxes is guessed at about 8 px: below 9, but within the margin, so it is laid out.
        expect(estimate.guess('DOWN', area / 4)).toBeGreaterThan(7.5);
        expect(estimate.worthLayingOut('DOWN', area / 4)).toBe(true);
        // Four fifths are guessed at about 4.5 px: skipped, though the boxes alone would allow 10 px.
        expect(estimate.worthLayingOut('DOWN', area * 0.8)).toBe(false);
        // Nothing is known about the other direction yet: it is laid out.
        expect(estimate.worthLayingOut('RIGHT', area * 0.8)).toBe(true);
    });

    test('the other direction is skipped when it is guessed well below the one laid out at this level', () => {
        const estimate = new LevelEstimate(pane);
        const area = 10 * 160 * 60;
        // Laid out to the right before, the drawing was wide and low: 1200 × 400, 8.7 px.
        estimate.record('RIGHT', area, 1200, 400);
        const right = estimate.guess('RIGHT', area)!;
        expect(estimate.worthLayingOut('RIGHT', area, right / 0.75)).toBe(false);
        expect(estimate.worthLayingOut('RIGHT', area, right / 0.85)).toBe(true);
    });
});
