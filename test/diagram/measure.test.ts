import { describe, expect, test } from 'vitest';
import { textWidth, wrapText } from '../../language-server/src/diagram/measure.js';

const style = { size: 13, bold: false };

describe('wrapText', () => {
    test('wraps words into lines that fit', () => {
        const lines = wrapText('Order Service for the online shop', 100, style, 3);
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) expect(textWidth(line, style)).toBeLessThanOrEqual(100);
        expect(lines.join(' ')).toBe('Order Service for the online shop');
    });

    test('a text longer than its lines can hold ends in an ellipsis on the last line', () => {
        const lines = wrapText('word '.repeat(200), 100, style, 2);
        expect(lines).toHaveLength(2);
        expect(lines[1].endsWith('…')).toBe(true);
    });

    test('a megabyte-long word is cut to what the lines can show, with the same result as a long one', () => {
        const long = 'x'.repeat(5_000);
        const huge = 'x'.repeat(1_000_000);
        expect(wrapText(huge, 120, style, 3)).toEqual(wrapText(long, 120, style, 3));
    });
});
