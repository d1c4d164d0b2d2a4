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
    });

    test('before a layout in one direction, the room the other took stands in: two thirds of it, in the shape that fits the pane best', () => {
        const estimate = new LevelEstimate(pane);
        const area = 30 * 160 * 60;
        // Down, the boxes took 23 times their area (2600 × 2500).
        estimate.record('DOWN', area, 2600, 2500);
        // To the right, four fifths of them would need 15 times their area even so: about 6 px at best, so not laid out.
        expect(estimate.worthLayingOut('RIGHT', area * 0.8)).toBe(false);
        // A quarter of them may read at about 11 px: laid out.
        expect(estimate.worthLayingOut('RIGHT', area / 4)).toBe(true);
        // Nothing laid out in either direction: the boxes alone decide.
        expect(new LevelEstimate(pane).worthLayingOut('RIGHT', area * 0.8)).toBe(true);
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

    test('the level drawn as the last resort is laid out only in the directions that may read about as large as the drawing so far', () => {
        const estimate = new LevelEstimate(pane);
        const area = 10 * 160 * 60;
        estimate.record('RIGHT', area, 1200, 400);
        const right = estimate.guess('RIGHT', area)!;
        // Nothing drawn yet: it is laid out, however small it is guessed.
        expect(estimate.mayReadAsLarge('RIGHT', area * 4)).toBe(true);
        expect(estimate.mayReadAsLarge('RIGHT', area, right / 0.75)).toBe(false);
        expect(estimate.mayReadAsLarge('RIGHT', area, right / 0.85)).toBe(true);
        // Down was not laid out: the most it could read, from the room taken to the right (13 px, the labels' own size), decides.
        expect(estimate.mayReadAsLarge('DOWN', area, 12)).toBe(true);
        expect(estimate.mayReadAsLarge('DOWN', area * 16, 12)).toBe(false);
    });
});
