import { allToAll, SMALL_GRAPH } from './diagram-helpers.js';
import { afterAll, describe, expect, test } from 'vitest';
import { ElkThread } from '../../language-server/src/diagram/elk-thread.js';
import { ElkLayoutEngine } from '../../language-server/src/diagram/elk-layout.js';
import { LayoutTimeoutError } from '../../language-server/src/diagram/layout-budget.js';

// Every layout has a time budget: past it the layout is stopped with one clear message,
// and the layouts waiting behind it (another document's) are laid out by a new thread.
const BUDGET_MS = 1_500;
const elk = new ElkThread({ budgetMs: BUDGET_MS });
afterAll(() => elk.terminateWorker());


describe('the layout budget', () => {
    test('a layout past its budget is stopped with a message; the one queued behind it is laid out', async () => {
        const started = Date.now();
        const dense = elk.layout(allToAll(40));
        const other = elk.layout(SMALL_GRAPH);
        await expect(dense).rejects.toBeInstanceOf(LayoutTimeoutError);
        await expect(dense).rejects.toThrow(/too dense to lay out within 1\.5 s/);
        const laidOut = await other;
        expect(laidOut.children).toHaveLength(2);
        // The dense layout ran for its budget, not for minutes.
        expect(Date.now() - started).toBeLessThan(BUDGET_MS + 5_000);
    });

    test('a stopped layout is not tried again relaxed (that would cost another budget)', async () => {
        const engine = new ElkLayoutEngine(() => elk);
        const started = Date.now();
        await expect(engine.layoutOrRelax(allToAll(40))).rejects.toBeInstanceOf(LayoutTimeoutError);
        expect(Date.now() - started).toBeLessThan(2 * BUDGET_MS);
        expect((await engine.layoutOrRelax(SMALL_GRAPH)).children).toHaveLength(2);
    });
});
