import { describe, expect, test } from 'vitest';
import { parseWebviewMessage } from '../../extension/src/preview/message-validation.js';
import { badgeScale, MAX_BADGE_SCALE } from '../../extension/webview/badge-scale.js';
import { changedMuch, FIT_MARGIN, NOTICE_ROOM, paneOf } from '../../extension/webview/pane-size.js';

const known = new Set(['shop', 'orders']);

describe('the pane the preview reports', () => {
    test('is the stage less the fit margins, and less room for the level notice while no banner is shown', () => {
        expect(paneOf(832, 1072, true)).toEqual({ width: 832 - 2 * FIT_MARGIN, height: 1072 - 2 * FIT_MARGIN });
        expect(paneOf(832, 1072, false)).toEqual({ width: 800, height: 1040 - NOTICE_ROOM });
    });

    test('a stage with no room yet has no pane', () => {
        expect(paneOf(0, 0, false)).toBeUndefined();
        expect(paneOf(500, 60, false)).toBeUndefined();
    });

    test('the diagram is laid out again when the shape changes by more than a fifth, not for a few pixels', () => {
        const side = { width: 800, height: 1000 };
        expect(changedMuch(undefined, side)).toBe(true);
        expect(changedMuch(side, { width: 780, height: 990 })).toBe(false);
        expect(changedMuch(side, { width: 1800, height: 1000 })).toBe(true);
        expect(changedMuch(side, { width: 800, height: 700 })).toBe(true);
    });
});

describe('pane and group messages from the webview', () => {
    test('a ready message carries the pane when it is a size', () => {
        expect(parseWebviewMessage({ type: 'ready', pane: { width: 800, height: 1000 } }, known)).toEqual({ type: 'ready', pane: { width: 800, height: 1000 } });
        expect(parseWebviewMessage({ type: 'ready', pane: { width: -1, height: 1000 } }, known)).toEqual({ type: 'ready' });
    });

    test('a pane message needs a width and a height from 1 to 100,000 pixels', () => {
        expect(parseWebviewMessage({ type: 'pane', pane: { width: 1900, height: 1000, extra: 1 } }, known)).toEqual({ type: 'pane', pane: { width: 1900, height: 1000 } });
        for (const pane of [undefined, { width: 800 }, { width: 0, height: 10 }, { width: Infinity, height: 10 }, { width: '800', height: 10 }, { width: 1e6, height: 10 }]) {
            expect(parseWebviewMessage({ type: 'pane', pane }, known)).toBeUndefined();
        }
    });

    test('a group to open must be drawn in the current diagram', () => {
        expect(parseWebviewMessage({ type: 'openGroup', id: 'shop' }, known)).toEqual({ type: 'openGroup', id: 'shop' });
        expect(parseWebviewMessage({ type: 'openGroup', id: 'billing' }, known)).toBeUndefined();
    });

    test('going back needs a whole, non-negative depth', () => {
        expect(parseWebviewMessage({ type: 'back', depth: 0 }, known)).toEqual({ type: 'back', depth: 0 });
        for (const depth of [-1, 0.5, '1', undefined]) expect(parseWebviewMessage({ type: 'back', depth }, known)).toBeUndefined();
    });
});

describe('finding badges when zoomed out', () => {
    test('are drawn larger by the inverse of the zoom, so their text stays as large on screen', () => {
        expect(badgeScale(1)).toBe(1);
        expect(badgeScale(2)).toBe(1);
        expect(badgeScale(0.5)).toBe(2);
        expect(11 * badgeScale(0.36) * 0.36).toBeCloseTo(11);
    });

    test('stop growing at a limit, and ignore a zoom that is not one', () => {
        expect(badgeScale(0.05)).toBe(MAX_BADGE_SCALE);
        expect(badgeScale(0)).toBe(1);
        expect(badgeScale(Number.NaN)).toBe(1);
    });
});
