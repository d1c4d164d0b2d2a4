import { describe, expect, test } from 'vitest';
import { actualSize, centreOn, fitViewport, isViewport, MAX_SCALE, panIntoView, zoomAround } from '../../extension/webview/viewport.js';
import type { Viewport } from '../../extension/webview/messages.js';

/** Where a diagram point lands on the screen. */
const toScreen = (v: Viewport, x: number, y: number) => ({ x: x * v.scale + v.x, y: y * v.scale + v.y });

describe('zoom and pan', () => {
    test('zooming keeps the point under the cursor in place', () => {
        const before: Viewport = { x: 30, y: -20, scale: 0.8 };
        const after = zoomAround(before, 1.5, 200, 120);
        expect(after.scale).toBeCloseTo(1.2);
        // The diagram point that was under (200, 120) is still there.
        const point = { x: (200 - before.x) / before.scale, y: (120 - before.y) / before.scale };
        const screen = toScreen(after, point.x, point.y);
        expect(screen.x).toBeCloseTo(200);
        expect(screen.y).toBeCloseTo(120);
    });

    test('zoom stops at its limits', () => {
        expect(zoomAround({ x: 0, y: 0, scale: 6 }, 10, 0, 0).scale).toBe(MAX_SCALE);
    });

    test('fit shows the whole diagram centred and never enlarges it', () => {
        const fit = fitViewport(2000, 500, 1000, 600, 16);
        expect(fit.scale).toBeCloseTo(968 / 2000);
        const topLeft = toScreen(fit, 0, 0);
        const bottomRight = toScreen(fit, 2000, 500);
        expect(topLeft.x).toBeCloseTo(16);
        expect(bottomRight.x).toBeCloseTo(984);
        expect(topLeft.y + bottomRight.y).toBeCloseTo(600);
        expect(fitViewport(100, 50, 1000, 600).scale).toBe(1);
    });

    test('1:1 keeps the centre of the view where it is', () => {
        const v = actualSize({ x: 10, y: 10, scale: 0.5 }, 800, 600);
        expect(v.scale).toBe(1);
        const centreBefore = { x: (400 - 10) / 0.5, y: (300 - 10) / 0.5 };
        expect(toScreen(v, centreBefore.x, centreBefore.y)).toEqual({ x: 400, y: 300 });
    });

    test('a box out of sight is panned into view, one in sight is left alone', () => {
        const v: Viewport = { x: 0, y: 0, scale: 1 };
        expect(panIntoView(v, { left: 100, top: 100, width: 50, height: 20 }, 800, 600)).toBe(v);
        const moved = panIntoView(v, { left: 900, top: 100, width: 50, height: 20 }, 800, 600);
        expect(moved.x + 900 + 50).toBeLessThanOrEqual(800);
        expect(moved.y).toBe(0);
    });

    test('a saved viewport is used only when it is sane', () => {
        expect(isViewport({ x: 1, y: 2, scale: 1 })).toBe(true);
        for (const bad of [undefined, null, {}, { x: 1, y: 2 }, { x: 'a', y: 0, scale: 1 }, { x: 0, y: 0, scale: 0 }, { x: Infinity, y: 0, scale: 1 }]) {
            expect(isViewport(bad)).toBe(false);
        }
    });
});

describe('centring a search match', () => {
    test('puts the middle of its box at the middle of the view', () => {
        const v: Viewport = { x: 10, y: 20, scale: 1 };
        // A box drawn at diagram (300, 400) size 100 × 50, in screen coordinates.
        const box = { left: 310, top: 420, width: 100, height: 50 };
        const after = centreOn(v, box, 800, 600);
        expect(after.scale).toBe(1);
        expect(toScreen(after, 350, 425)).toEqual({ x: 400, y: 300 });
    });

    test('zooms in to a readable size when the drawing is shown small, keeping the match in the middle', () => {
        const v: Viewport = { x: 0, y: 0, scale: 0.2 };
        const box = { left: 100 * 0.2, top: 100 * 0.2, width: 50 * 0.2, height: 20 * 0.2 };
        const after = centreOn(v, box, 800, 600);
        expect(after.scale).toBeCloseTo(0.75);
        const centre = toScreen(after, 125, 110);
        expect(centre.x).toBeCloseTo(400);
        expect(centre.y).toBeCloseTo(300);
    });
});

