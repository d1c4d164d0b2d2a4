import { describe, expect, test } from 'vitest';
import type { PreviewOptions } from '../../extension/webview/messages.js';
import { pick, pickerEntries, pickerValue, viewKey } from '../../extension/webview/view-choice.js';

const base: PreviewOptions = { view: 'all', direction: 'DOWN', legend: true };
const choices = [
    { kind: 'view', id: 'messaging', label: 'The event bus' },
    { kind: 'flow', id: 'checkout', label: 'Place an order' },
    { kind: 'view', id: 'payments', label: 'Payments' },
] as const;

describe('the view picker', () => {
    test('lists the fixed filters, then the views, then the flows, in the order written', () => {
        expect(pickerEntries(choices).map(e => `${e.group}: ${e.value} = ${e.label}`)).toEqual([
            'Filters: all = Everything',
            'Filters: calls = Calls only',
            'Filters: messaging = Messaging only',
            'Filters: observability = Observability only',
            'Views: view:messaging = The event bus',
            'Views: view:payments = Payments',
            'Flows: flow:checkout = Place an order',
        ]);
    });

    test('a view called like a filter is told apart from it', () => {
        const view = pick(base, 'view:messaging')!;
        const filter = pick(base, 'messaging')!;
        expect(view).toEqual({ ...base, named: 'messaging' });
        expect(filter).toEqual({ ...base, view: 'messaging' });
        expect(pickerValue(view)).toBe('view:messaging');
        expect(pickerValue(filter)).toBe('messaging');
    });

    test('a view replaces a flow and the focus; a filter replaces both but keeps the focus', () => {
        const flow = { ...base, flow: 'checkout', as: 'sequence' as const, focus: 'orders' };
        expect(pick(flow, 'view:payments')).toEqual({ ...base, named: 'payments' });
        expect(pick({ ...base, named: 'payments', focus: 'orders' }, 'calls')).toEqual({ ...base, view: 'calls', focus: 'orders' });
        // A flow is drawn as it was drawn last.
        expect(pick({ ...base, flow: 'other', as: 'sequence' }, 'flow:checkout')).toEqual({ ...base, flow: 'checkout', as: 'sequence' });
    });

    test('a value it does not offer picks nothing', () => {
        for (const value of ['everything', 'view:', 'flow:', 'lens:x', '']) expect(pick(base, value), value).toBeUndefined();
    });

    test('keeps each view\'s zoom under its own key, a flow\'s per way of drawing it', () => {
        const keys = [base, { ...base, view: 'calls' as const }, { ...base, named: 'payments' }, { ...base, flow: 'checkout' }, { ...base, flow: 'checkout', as: 'sequence' as const }].map(viewKey);
        expect(keys).toEqual(['all', 'calls', 'view:payments', 'flow:checkout:diagram', 'flow:checkout:sequence']);
        // The direction or the legend do not make another view.
        expect(viewKey({ ...base, named: 'payments', direction: 'RIGHT', legend: false })).toBe('view:payments');
    });
});
