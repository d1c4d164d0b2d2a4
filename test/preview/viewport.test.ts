import { describe, expect, test } from 'vitest';
import { actualSize, centreOn, fitViewport, isViewport, MAX_SCALE, openingViewport, panIntoView, READABLE_SCALE, showsWhole, zoomAround } from '../../extension/webview/viewport.js';
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


describe('the zoom a drawing opens with: never below readable text', () => {
    const VIEW = { width: 800, height: 1000 };
    /** 13 px labels as seen at a viewport's zoom. */
    const labelPx = (v: Viewport) => 13 * v.scale;

    test('a drawing whose labels read fitted opens fitted, whole', () => {
        const { viewport, fitted } = openingViewport(1000, 800, VIEW.width, VIEW.height, { left: 0, top: 0, width: 100, height: 50 });
        expect(fitted).toBe(true);
        expect(viewport).toEqual(fitViewport(1000, 800, VIEW.width, VIEW.height));
        expect(labelPx(viewport)).toBeGreaterThanOrEqual(9);
        expect(showsWhole(viewport, 1000, 800, VIEW.width, VIEW.height)).toBe(true);
    });

    test('a drawing that would read 6 px fitted opens at 9 px with its subject at the centre of the view', () => {
        const subject = { left: 1000, top: 600, width: 400, height: 300 };
        const { viewport, fitted } = openingViewport(2400, 1800, VIEW.width, VIEW.height, subject);
        expect(fitted).toBe(false);
        expect(viewport.scale).toBeCloseTo(READABLE_SCALE);
        expect(labelPx(viewport)).toBeCloseTo(9);
        const centre = toScreen(viewport, 1200, 750);
        expect(centre.x).toBeCloseTo(400);
        expect(centre.y).toBeCloseTo(500);
        expect(showsWhole(viewport, 2400, 1800, VIEW.width, VIEW.height)).toBe(false);
    });

    test('a subject at the drawing\'s edge is shown without panning past the edge', () => {
        const { viewport } = openingViewport(2400, 1800, VIEW.width, VIEW.height, { left: 0, top: 1700, width: 100, height: 100 });
        expect(toScreen(viewport, 0, 0).x).toBeCloseTo(16);
        expect(toScreen(viewport, 2400, 1800).y).toBeCloseTo(1000 - 16);
    });

    test('a subject larger than the view shows its top left corner (its label and first members); without one, the drawing\'s', () => {
        const large = openingViewport(4000, 3000, VIEW.width, VIEW.height, { left: 500, top: 400, width: 2000, height: 2000 }).viewport;
        const corner = toScreen(large, 500, 400);
        expect(corner.x).toBeCloseTo(16);
        expect(corner.y).toBeCloseTo(16);
        const none = openingViewport(4000, 3000, VIEW.width, VIEW.height).viewport;
        expect(toScreen(none, 0, 0).x).toBeCloseTo(16);
        expect(toScreen(none, 0, 0).y).toBeCloseTo(16);
    });

    test('a drawing narrower than the view at 9 px is centred across, and panned to its subject along', () => {
        const { viewport } = openingViewport(600, 4000, VIEW.width, VIEW.height, { left: 100, top: 3000, width: 200, height: 100 });
        expect(viewport.scale).toBeCloseTo(READABLE_SCALE);
        expect(toScreen(viewport, 300, 0).x).toBeCloseTo(400);
        expect(toScreen(viewport, 0, 3050).y).toBeCloseTo(500);
    });
});
