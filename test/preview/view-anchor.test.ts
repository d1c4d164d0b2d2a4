import { describe, expect, test } from 'vitest';
import { anchoredViewport, placesOf } from '../../extension/webview/view-anchor.js';
import type { Viewport } from '../../extension/webview/messages.js';

const toScreen = (v: Viewport, p: { x: number; y: number }) => ({ x: p.x * v.scale + v.x, y: p.y * v.scale + v.y });

describe('the view stays on what the user looked at when the diagram is drawn again', () => {
    test('reads where each element starts from its translate', () => {
        const places = placesOf([
            { id: 'orders', transform: 'translate(120 -40.5)' },
            { id: 'payments', transform: 'translate(7,8)' },
            { id: null, transform: 'translate(1 1)' },
            { id: 'odd', transform: 'scale(2)' },
        ]);
        expect([...places]).toEqual([['orders', { x: 120, y: -40.5 }], ['payments', { x: 7, y: 8 }]]);
    });

    test('the element nearest the centre of the view stays at the same place on the screen; the others follow the layout', () => {
        const viewport: Viewport = { x: 50, y: 20, scale: 0.5 };
        // A 400×300 view: its centre is the diagram point (300, 260).
        const before = new Map([['near', { x: 280, y: 250 }], ['far', { x: 0, y: 0 }]]);
        const after = new Map([['near', { x: 480, y: 250 }], ['far', { x: 0, y: 0 }], ['added', { x: 100, y: 100 }]]);
        const next = anchoredViewport(viewport, before, after, 400, 300);
        expect(toScreen(next, after.get('near')!)).toEqual(toScreen(viewport, before.get('near')!));
        expect(next.scale).toBe(0.5);
    });

    test('nothing moves when the element at the centre did not move, or no element is in both drawings', () => {
        const viewport: Viewport = { x: 0, y: 0, scale: 1 };
        const before = new Map([['a', { x: 190, y: 140 }], ['b', { x: 900, y: 900 }]]);
        expect(anchoredViewport(viewport, before, new Map([['a', { x: 190, y: 140 }], ['b', { x: 0, y: 0 }]]), 400, 300)).toBe(viewport);
        expect(anchoredViewport(viewport, before, new Map([['c', { x: 10, y: 10 }]]), 400, 300)).toBe(viewport);
    });
});
