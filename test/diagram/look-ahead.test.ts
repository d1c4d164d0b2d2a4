import { describe, expect, test } from 'vitest';
import { lookAhead } from '../../language-server/src/diagram/look-ahead.js';

const turn = () => new Promise<void>(resolve => setImmediate(resolve));

describe('working out the next levels while a layout runs', () => {
    test('one item per turn, in order, from the one after the level laid out, until the layout is done', async () => {
        let finish!: () => void;
        const layout = new Promise<void>(resolve => (finish = resolve));
        const prepared: number[] = [];
        lookAhead(layout, 3, 10, i => prepared.push(i));
        expect(prepared).toEqual([]);
        await turn();
        await turn();
        await turn();
        expect(prepared).toEqual([3, 4, 5]);
        finish();
        await layout;
        for (let i = 0; i < 5; i++) await turn();
        expect(prepared).toEqual([3, 4, 5]);
    });

    test('a layout that fails stops it too; so does an item that fails, and nothing escapes', async () => {
        const failed = Promise.reject(new Error('layout failed'));
        failed.catch(() => undefined);
        const afterFailure: number[] = [];
        lookAhead(failed, 0, 10, i => afterFailure.push(i));
        for (let i = 0; i < 5; i++) await turn();
        expect(afterFailure).toEqual([]);

        const tried: number[] = [];
        lookAhead(new Promise(() => undefined), 0, 10, i => {
            tried.push(i);
            if (i === 1) throw new Error('level 1 cannot be drawn');
        });
        for (let i = 0; i < 6; i++) await turn();
        expect(tried).toEqual([0, 1]);
    });

    test('it stops at the last item', async () => {
        const prepared: number[] = [];
        lookAhead(new Promise(() => undefined), 8, 10, i => prepared.push(i));
        for (let i = 0; i < 6; i++) await turn();
        expect(prepared).toEqual([8, 9]);
    });
});
