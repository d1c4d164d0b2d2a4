import { describe, expect, test } from 'vitest';
import type * as vscode from 'vscode';
import { LastPane } from '../../extension/src/preview/last-pane.js';

/** The extension's global state, in memory. */
function memento(initial: Record<string, unknown> = {}): vscode.Memento & { values: Record<string, unknown> } {
    const values = { ...initial };
    return {
        values,
        keys: () => Object.keys(values),
        get: <T>(key: string, fallback?: T) => (key in values ? values[key] as T : fallback),
        update: async (key: string, value: unknown) => { values[key] = value; },
    } as vscode.Memento & { values: Record<string, unknown> };
}

describe('the pane of the last preview', () => {
    test('is kept in the global state and told to the language server when its shape changes', () => {
        const state = memento();
        const told: unknown[] = [];
        const last = new LastPane(state, pane => told.push(pane));
        expect(last.current).toBeUndefined();
        last.report({ width: 754, height: 978 });
        expect([last.current, told]).toEqual([{ width: 754, height: 978 }, [{ width: 754, height: 978 }]]);
        // About the same pane (a scroll bar, a banner): used, but not told again.
        last.report({ width: 760, height: 970 });
        expect([last.current, told.length]).toEqual([{ width: 760, height: 970 }, 1]);
        // Maximised: another shape.
        last.report({ width: 1800, height: 900 });
        expect(told).toHaveLength(2);
        // The next window starts with it.
        expect(new LastPane(state, () => undefined).current).toEqual({ width: 1800, height: 900 });
    });

    test('a state that holds no pane (damaged, or from elsewhere) is none, and a report that is no pane is ignored', () => {
        for (const damaged of [{ width: 0, height: 900 }, { width: '800', height: 600 }, { width: Number.POSITIVE_INFINITY, height: 5 }, null, 'big', [1, 2]]) {
            expect(new LastPane(memento({ 'archsight.preview.lastPane': damaged }), () => undefined).current).toBeUndefined();
        }
        const told: unknown[] = [];
        const last = new LastPane(memento(), pane => told.push(pane));
        last.report({ width: -1, height: 10 });
        expect([last.current, told]).toEqual([undefined, []]);
    });
});
