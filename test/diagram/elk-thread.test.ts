import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import { ElkThread } from '../../language-server/src/diagram/elk-thread.js';

// These tests are about the thread, not the layout budget (test/diagram/layout-budget.test.ts):
// on a busy machine their large layouts may take longer than the budget.
const NO_BUDGET = { budgetMs: 600_000 };
const elk = new ElkThread(NO_BUDGET);
afterAll(() => elk.terminateWorker());

/** A layered graph of `n` nodes in a chain with some cross links: big enough to keep ELK busy for a while. */
function chain(n: number): ElkNode {
    const children = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, width: 120, height: 48 }));
    const edges = children.slice(1).flatMap((c, i) => [
        { id: `e${i}`, sources: [`n${i}`], targets: [c.id] },
        ...(i % 3 === 0 && i + 5 < n ? [{ id: `x${i}`, sources: [`n${i}`], targets: [`n${i + 5}`] }] : []),
    ]);
    return { id: 'root', layoutOptions: { 'elk.algorithm': 'layered' }, children, edges };
}

describe('ELK in a worker thread', () => {
    test('lays a graph out and places every node', async () => {
        const laidOut = await elk.layout(chain(4));
        expect(laidOut.children?.map(c => c.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
        const xs = laidOut.children!.map(c => c.x!);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(new Set(xs).size).toBe(4);
    });

    test('the calling thread stays free while a layout runs', async () => {
        await elk.layout(chain(2)); // the thread is up
        // Run on the calling thread, ELK would keep its event loop busy the whole time (utilization near 1).
        const before = performance.eventLoopUtilization();
        await elk.layout(chain(300));
        expect(performance.eventLoopUtilization(before).utilization).toBeLessThan(0.5);
    });

    test('a graph ELK refuses comes back as an error, and the next layout still works', async () => {
        const broken: ElkNode = { id: 'root', children: [{ id: 'a' }], edges: [{ id: 'e', sources: ['a'], targets: ['nowhere'] }] };
        await expect(elk.layout(broken)).rejects.toThrow(/nowhere|not found|Referenced/i);
        const laidOut = await elk.layout(chain(2));
        expect(laidOut.children).toHaveLength(2);
    });

    test('stopping the thread fails the layouts still waiting; the next call starts a new thread', async () => {
        const waiting = elk.layout(chain(200));
        elk.terminateWorker();
        await expect(waiting).rejects.toThrow('The layout was stopped.');
        const laidOut = await elk.layout(chain(3));
        expect(laidOut.children).toHaveLength(3);
    });

    test('an editor\'s thread lays its last small diagram out again while idle, and still answers at once what comes next', async () => {
        const editor = new ElkThread({ warmUp: true, ...NO_BUDGET });
        try {
            await editor.layout(chain(12));
            await new Promise(resolve => setTimeout(resolve, 1_500));
            const replayed = await editor.layoutsRun();
            expect(replayed).toBeGreaterThan(2);
            const next = await editor.layout(chain(5));
            expect(next.children).toHaveLength(5);
            expect(await editor.layoutsRun()).toBeGreaterThanOrEqual(replayed + 1);
        } finally {
            editor.terminateWorker();
        }
    });

    test('without warm-up, or for a large diagram, the thread runs only the layouts asked for', async () => {
        const cli = new ElkThread(NO_BUDGET);
        const editor = new ElkThread({ warmUp: true, ...NO_BUDGET });
        try {
            await cli.layout(chain(12));
            await editor.layout(chain(200));
            await new Promise(resolve => setTimeout(resolve, 1_000));
            expect(await cli.layoutsRun()).toBe(1);
            expect(await editor.layoutsRun()).toBe(1);
        } finally {
            cli.terminateWorker();
            editor.terminateWorker();
        }
    });
});
