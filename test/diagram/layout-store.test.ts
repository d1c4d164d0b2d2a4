import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import ElkModule from 'elkjs/lib/elk.bundled.js';
import { describe, expect, test } from 'vitest';
import { ElkLayoutEngine } from '../../language-server/src/diagram/elk-layout.js';
import { DiskLayoutStore, LAYOUT_VERSION, layoutKey } from '../../language-server/src/diagram/layout-store.js';

const graph = (width: number): ElkNode => ({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered' },
    children: [{ id: 'a', width, height: 40 }, { id: 'b', width: 80, height: 40 }],
    edges: [{ id: 'a->b', sources: ['a'], targets: ['b'] }],
});

const folder = () => mkdtempSync(path.join(tmpdir(), 'archsight-layouts-'));

/** The real ELK, counting the layouts it is asked for. */
function countingElk() {
    const elk = new ElkModule.default();
    const counter = { layouts: 0, factory: () => ({ ...elk, layout: (g: ElkNode) => (counter.layouts++, elk.layout(g)) }) as typeof elk };
    return counter;
}

describe('layout keys', () => {
    test('the same graph gives the same key; another size, option or version another one', () => {
        const text = JSON.stringify(graph(80));
        expect(layoutKey(text)).toBe(layoutKey(JSON.stringify(graph(80))));
        expect(layoutKey(text)).toMatch(/^[0-9a-f]{64}$/);
        expect(layoutKey(JSON.stringify(graph(81)))).not.toBe(layoutKey(text));
        expect(layoutKey(JSON.stringify({ ...graph(80), layoutOptions: { 'elk.direction': 'DOWN' } }))).not.toBe(layoutKey(text));
        expect(layoutKey(text, `${LAYOUT_VERSION}.1`)).not.toBe(layoutKey(text));
    });
});

describe('the layout store on disk', () => {
    test('gives back what was stored, and nothing for a key never stored', async () => {
        const store = new DiskLayoutStore(path.join(folder(), 'not', 'yet', 'made'));
        const key = layoutKey('{}');
        expect(await store.get(key)).toBeUndefined();
        await store.set(key, { id: 'root', x: 1, y: 2, width: 3, height: 4 });
        expect(await store.get(key)).toEqual({ id: 'root', x: 1, y: 2, width: 3, height: 4 });
        expect(await store.get(layoutKey('{ }'))).toBeUndefined();
    });

    test('a damaged file, or a file holding another key, is a miss', async () => {
        const dir = folder();
        const store = new DiskLayoutStore(dir);
        const [damaged, moved] = [layoutKey('1'), layoutKey('2')];
        writeFileSync(path.join(dir, `${damaged}.json`), '{"key":"' + damaged + '","layout":{"id":"ro');
        writeFileSync(path.join(dir, `${moved}.json`), JSON.stringify({ key: layoutKey('3'), layout: { id: 'root' } }));
        expect(await store.get(damaged)).toBeUndefined();
        expect(await store.get(moved)).toBeUndefined();
    });

    test('writers racing on one key never let a reader see half a layout, and leave no partial files', async () => {
        const dir = folder();
        const store = new DiskLayoutStore(dir);
        const key = layoutKey('race');
        // Large enough that a write takes more than one system call.
        const layout = (n: number): ElkNode => ({ id: 'root', children: Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, x: n, y: i, width: 10, height: 10 })) });
        await store.set(key, layout(-1));
        const reads: (ElkNode | undefined)[] = [];
        await Promise.all([
            ...Array.from({ length: 12 }, (_, n) => store.set(key, layout(n))),
            ...Array.from({ length: 24 }, async () => reads.push(await store.get(key))),
        ]);
        for (const read of reads) {
            expect(read?.children).toHaveLength(5000);
            expect(new Set(read!.children!.map(c => c.x)).size).toBe(1);
        }
        expect(readdirSync(dir)).toEqual([`${key}.json`]);
    });

    test('pruning keeps the most recently written layouts and nothing else of them', async () => {
        const dir = folder();
        const store = new DiskLayoutStore(dir);
        const keys = [1, 2, 3, 4, 5].map(n => layoutKey(String(n)));
        for (const [n, key] of keys.entries()) {
            await store.set(key, { id: 'root' });
            utimesSync(path.join(dir, `${key}.json`), 1000 + n, 1000 + n);
        }
        writeFileSync(path.join(dir, 'notes.txt'), 'not a layout');
        await store.prune(2);
        expect(readdirSync(dir).sort()).toEqual([`${keys[3]}.json`, `${keys[4]}.json`, 'notes.txt'].sort());
        await expect(new DiskLayoutStore(path.join(dir, 'none')).prune(2)).resolves.toBeUndefined();
    });

    test('a layout read from the store counts as used: pruning keeps it over layouts written after it', async () => {
        const dir = folder();
        const store = new DiskLayoutStore(dir);
        const keys = [1, 2, 3].map(n => layoutKey(`used ${n}`));
        for (const [n, key] of keys.entries()) {
            await store.set(key, { id: `root${n}` });
            utimesSync(path.join(dir, `${key}.json`), 1000 + n, 1000 + n);
        }
        expect(await store.get(keys[0])).toEqual({ id: 'root0' });
        await store.prune(2);
        expect(readdirSync(dir).sort()).toEqual([`${keys[0]}.json`, `${keys[2]}.json`].sort());
    });

    test('a folder that cannot be written costs only the cache', async () => {
        const dir = folder();
        const blocked = path.join(dir, 'file');
        writeFileSync(blocked, 'not a folder');
        const store = new DiskLayoutStore(blocked);
        await expect(store.set(layoutKey('x'), { id: 'root' })).resolves.toBeUndefined();
        expect(await store.get(layoutKey('x'))).toBeUndefined();
    });
});

describe('the layout engine with a store', () => {
    test('a second engine (a new process) takes the layout from the store instead of ELK', async () => {
        const dir = folder();
        const first = countingElk();
        const engine = new ElkLayoutEngine(first.factory);
        engine.store = new DiskLayoutStore(dir);
        const laidOut = await engine.layout(graph(80));
        expect(first.layouts).toBe(1);

        const second = countingElk();
        const again = new ElkLayoutEngine(second.factory);
        again.store = new DiskLayoutStore(dir);
        expect(await again.layout(graph(80))).toEqual(laidOut);
        expect(second.layouts).toBe(0);
        // A changed graph (a file edited since) is laid out anew.
        const changed = await again.layout(graph(120));
        expect(second.layouts).toBe(1);
        expect(changed.children?.find(c => c.id === 'a')?.width).toBe(120);
        expect(readdirSync(dir)).toHaveLength(2);
    });
});
