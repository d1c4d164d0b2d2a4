import { allToAll, SMALL_GRAPH } from '../diagram/diagram-helpers.js';
import { afterAll, describe, expect, test } from 'vitest';
import { ElkPool } from '../../language-server/src/diagram/elk-pool.js';
import { ElkThread } from '../../language-server/src/diagram/elk-thread.js';
import { LayoutTimeoutError } from '../../language-server/src/diagram/layout-budget.js';

// Never hang: one document's long layout does not hold up another document's diagram. The
// language server lays out in two threads; a layout goes to one with nothing to do.
const BUDGET_MS = 8_000;
const pool = new ElkPool(2, () => new ElkThread({ budgetMs: BUDGET_MS }));
afterAll(() => pool.terminateWorker());


describe('layout threads', () => {
    test('a small diagram is laid out while a dense one is still being laid out', async () => {
        await pool.knownLayoutAlgorithms(); // the first thread is up, as it is once the editor has started
        let denseSettled = false;
        const dense = pool.layout(allToAll(40)).finally(() => (denseSettled = true));
        dense.catch(() => undefined);
        const started = Date.now();
        const laidOut = await pool.layout(SMALL_GRAPH);
        expect(laidOut.children).toHaveLength(2);
        // With one thread, the small layout waited for the dense one's whole budget.
        expect(denseSettled).toBe(false);
        expect(Date.now() - started).toBeLessThan(BUDGET_MS);
        expect(pool.started).toBe(2);
        await expect(dense).rejects.toBeInstanceOf(LayoutTimeoutError);
    }, 30_000);

    test('near miss: layouts one after another keep to the first thread', async () => {
        const one = new ElkPool(2, () => new ElkThread({ budgetMs: BUDGET_MS }));
        try {
            for (let i = 0; i < 3; i++) expect((await one.layout(SMALL_GRAPH)).children).toHaveLength(2);
            // The second thread is started once the first layout is done, ready for when the first is busy.
            expect(await one.layoutsRun()).toEqual([3, 0]);
        } finally {
            one.terminateWorker();
        }
    }, 30_000);
});
