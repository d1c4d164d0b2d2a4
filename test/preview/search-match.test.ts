import { describe, expect, test } from 'vitest';
import { matchCount, matchingIds, stepMatch } from '../../extension/webview/search-match.js';

const items = [
    { id: 'orders', text: 'orders Order Service (service, go) pci team-orders' },
    { id: 'payments', text: 'payments Payments (service, java) pci' },
    { id: 'ordersDb', text: 'ordersDb ordersDb (database, postgres)' },
    { id: 'events', text: 'events events (bus, kafka)' },
];

describe('search in the preview', () => {
    test('finds part of an id, label, tag or technology, ignoring case, in drawing order', () => {
        expect(matchingIds(items, 'order')).toEqual(['orders', 'ordersDb']);
        expect(matchingIds(items, 'PCI')).toEqual(['orders', 'payments']);
        expect(matchingIds(items, 'Kafka')).toEqual(['events']);
        expect(matchingIds(items, ' service ')).toEqual(['orders', 'payments']);
    });

    test('finds nothing for an empty query or one nothing has', () => {
        expect(matchingIds(items, '   ')).toEqual([]);
        expect(matchingIds(items, 'shipping')).toEqual([]);
    });

    test('Enter goes to the next match and round the end, Shift+Enter back', () => {
        expect(stepMatch(-1, 3, 1)).toBe(0);
        expect(stepMatch(-1, 3, -1)).toBe(2);
        expect(stepMatch(2, 3, 1)).toBe(0);
        expect(stepMatch(0, 3, -1)).toBe(2);
        expect(stepMatch(-1, 0, 1)).toBe(-1);
    });

    test('counts "2 of 5" once one is shown, how many before, and says when there are none', () => {
        expect(matchCount(1, 5, 'pci')).toBe('2 of 5');
        expect(matchCount(-1, 5, 'pci')).toBe('5 matches');
        expect(matchCount(-1, 1, 'pci')).toBe('1 match');
        expect(matchCount(-1, 0, 'pci')).toBe('No matches');
        expect(matchCount(-1, 0, '')).toBe('');
    });
});
