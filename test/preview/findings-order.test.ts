import { describe, expect, test } from 'vitest';
import { countsText, orderFindings } from '../../extension/webview/findings-order.js';

describe('the findings list of the preview', () => {
    const findings = {
        orders: [{ severity: 'warning' as const, message: 'orders: no timeout', code: 'missing-timeout' }],
        'web->orders': [{ severity: 'error' as const, message: 'a cycle', code: 'sync-cycle' }],
        db: [{ severity: 'info' as const, message: 'orphan' }, { severity: 'warning' as const, message: 'shared' }],
    };

    test('errors come first, then warnings, then notes; within each, the order of the drawing', () => {
        expect(orderFindings(findings, ['web', 'db', 'orders', 'web->orders']).map(f => `${f.severity} ${f.id}: ${f.message}`)).toEqual([
            'error web->orders: a cycle',
            'warning db: shared',
            'warning orders: orders: no timeout',
            'info db: orphan',
        ]);
    });

    test('the count names each severity, and says so when there are none', () => {
        expect(countsText(orderFindings(findings, []))).toBe('1 error · 2 warnings · 1 note');
        expect(countsText(orderFindings({ a: [{ severity: 'warning', message: 'x' }] }, []))).toBe('1 warning');
        expect(countsText([])).toBe('No findings');
    });
});
