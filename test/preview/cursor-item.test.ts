import { describe, expect, test } from 'vitest';
import type { DiagramItem } from '../../language-server/src/diagram/diagram-types.js';
import { itemAtCursor } from '../../extension/src/preview/cursor-item.js';

const uri = 'file:///ws/shop.arch';
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const item = (id: string, type: DiagramItem['type'], full: ReturnType<typeof range>, inUri = uri): DiagramItem =>
    ({ id, type, uri: inUri, range: full, fullRange: full });

// mesh shop {                     line 1
//   service orders {              line 2
//     sidecar proxy : envoy       line 3
//   }                             line 4
// }                               line 5
// orders -> payments              line 6
const items: DiagramItem[] = [
    item('shop', 'group', range(1, 2, 5, 3)),
    item('orders', 'element', range(2, 4, 4, 5)),
    item('proxy', 'element', range(3, 6, 3, 29)),
    item('orders->payments', 'relation', range(6, 2, 6, 20)),
    item('payments', 'element', range(0, 0, 0, 16), 'file:///ws/imported.arch'),
];

describe('the element at the cursor', () => {
    test('the innermost declaration around the cursor', () => {
        expect(itemAtCursor(items, uri, { line: 3, character: 10 })?.id).toBe('proxy');
        expect(itemAtCursor(items, uri, { line: 4, character: 4 })?.id).toBe('orders');
        expect(itemAtCursor(items, uri, { line: 5, character: 2 })?.id).toBe('shop');
    });

    test('a relation when the cursor is on its line', () => {
        expect(itemAtCursor(items, uri, { line: 6, character: 12 })?.id).toBe('orders->payments');
    });

    test('the ends of a declaration count as inside it', () => {
        expect(itemAtCursor(items, uri, { line: 3, character: 6 })?.id).toBe('proxy');
        expect(itemAtCursor(items, uri, { line: 3, character: 29 })?.id).toBe('proxy');
    });

    test('nothing outside every declaration', () => {
        expect(itemAtCursor(items, uri, { line: 0, character: 3 })).toBeUndefined();
        expect(itemAtCursor(items, uri, { line: 9, character: 0 })).toBeUndefined();
    });

    test('only items declared in the document the cursor is in', () => {
        expect(itemAtCursor(items, 'file:///ws/imported.arch', { line: 0, character: 3 })?.id).toBe('payments');
    });

    test('the order of the items does not matter', () => {
        expect(itemAtCursor([...items].reverse(), uri, { line: 3, character: 10 })?.id).toBe('proxy');
    });
});
