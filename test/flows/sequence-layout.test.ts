import { readFileSync } from 'node:fs';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { layoutSequence } from '../../language-server/src/flows/sequence-layout.js';
import { createTestServices } from '../helpers/services.js';
import { modelOf } from '../diagram/diagram-helpers.js';
import { contains } from '../diagram/diagram-helpers.js';
import { expectNoOverlaps } from './sequence-geometry.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = readFileSync(new URL('./fixtures/checkout-flow.arch', import.meta.url), 'utf8');
const sample = (name: string) => readFileSync(new URL(`../../samples/${name}.arch`, import.meta.url), 'utf8');

async function layout(text: string, flow: string, budgets: (string | undefined)[] = []) {
    const model = await modelOf(services, text);
    return layoutSequence(model, model.flows.get(flow)!, budgets);
}

describe('a flow as a sequence diagram', () => {
    test('lifelines in the order the participants first appear, one row per step top to bottom', async () => {
        const l = await layout(SHOP, 'checkout');
        expect(l.participants.map(p => p.id)).toEqual(['web', 'edge', 'orders', 'pay', 'stock', 'events']);
        const xs = l.participants.map(p => p.x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(l.messages.map(m => `${m.step.number}${m.answer ? ' answer' : ''}`)).toEqual(['1', '2', '3a', '3b', '4', '4 answer']);
        const ys = l.messages.map(m => m.y);
        expect(ys).toEqual([...ys].sort((a, b) => a - b));
        expect(new Set(ys).size).toBe(ys.length);
        expect(l.messages.map(m => m.lines.join(' '))).toEqual(['1. POST /orders', '2', '3a. authorize', '3b', '4. OrderPlaced', '']);
    });

    test('parallel steps in a par frame with a divider between them, optional ones in opt frames', async () => {
        const l = await layout(SHOP, 'checkout');
        expect(l.frames.map(f => f.kind)).toEqual(['opt', 'par', 'opt']);
        const [optInPar, par, opt] = l.frames;
        const row = (n: string, answer = false) => l.messages.find(m => m.step.number === n && m.answer === answer)!;
        expect(par.dividers).toHaveLength(1);
        expect(row('3a').y).toBeLessThan(par.dividers[0]);
        expect(row('3b').labelBox!.y).toBeGreaterThan(par.dividers[0]);
        expect(row('3a').y).toBeGreaterThan(par.box.y);
        expect(row('3b').y).toBeLessThan(par.box.y + par.box.height);
        expect(contains(par.box, optInPar.box)).toBe(true);
        expect(row('3b').y).toBeGreaterThan(optInPar.box.y);
        // The awaited message and its answer share the opt frame; the answer runs back.
        expect(row('4').y).toBeGreaterThan(opt.box.y);
        expect(row('4', true).y).toBeLessThan(opt.box.y + opt.box.height);
        expect(row('4', true).fromX).toBe(row('4').toX);
        expect(row('4', true).toX).toBe(row('4').fromX);
        expect(row('4').y).toBeGreaterThan(par.box.y + par.box.height);
        expectNoOverlaps(l);
    });

    test('the samples\' flows are laid out without overlaps', async () => {
        expectNoOverlaps(await layout(sample('microservices'), 'checkout'));
        expectNoOverlaps(await layout(sample('observability-jaeger-hotrod'), 'findRide'));
    });

    test('a flow too wide for a side pane wraps its labels and staggers its boxes; a narrow one keeps both on one line', async () => {
        const wide = await layout(sample('faas'), 'upload', [undefined, undefined, '≤ 3s', '≤ 2s (4 × 500ms); 2s of 3s used']);
        expect(wide.width).toBeLessThanOrEqual(1155);
        expect(new Set(wide.participants.map(p => p.box.y)).size).toBe(2);
        expect(wide.participants.filter((p, i) => p.box.y > wide.participants[0].box.y).map(p => p.id)).toEqual(wide.participants.filter((_, i) => i % 2 === 1).map(p => p.id));
        expect(wide.messages[3].lines.length).toBeGreaterThan(2);
        // Wrapped, not cut: every word of a label is still there.
        expect(wide.messages[2].lines.join(' ')).toBe('3. Lambda Invoke (RequestResponse) ≤ 3s');
        expectNoOverlaps(wide);
        const narrow = await layout(SHOP, 'checkout', Array(6).fill('≤ 2s (4 × 500ms); 2s of 3s used'));
        expect(new Set(narrow.participants.map(p => p.box.y)).size).toBe(1);
        expect(narrow.messages.filter(m => !m.answer).every(m => m.lines.length === 2)).toBe(true);
    });

    test('long labels push the lifelines apart instead of running over them; a budget adds a line', async () => {
        const long = SHOP.replace('"POST /orders"', `"${'a very long description of the request '.repeat(4)}"`)
            .replace('orders -> pay "authorize"', 'orders -> pay "authorize the card with the payment provider and wait"');
        const l = await layout(long, 'checkout', [undefined, undefined, '≤ 500 ms of 2 s']);
        expect(l.messages[0].lines.length).toBeGreaterThan(1);
        expect(l.messages[2].lines.join(' ')).toBe('3a. authorize ≤ 500 ms of 2 s');
        expectNoOverlaps(l);
        const short = await layout(SHOP, 'checkout');
        expect(l.participants[1].x - l.participants[0].x).toBeGreaterThan(short.participants[1].x - short.participants[0].x);
    });

    test('parallel optional steps between the same lifelines, far apart, and to itself still keep clear', async () => {
        const text = SHOP.replace(/flow checkout[\s\S]*\n  }/, `flow checkout "Place an order" {
    parallel { web -> edge "one"; optional web -> edge "two"; optional orders ~> events "three" await }
    optional mailer -> stock "four"
    parallel { orders -> pay; events ~> mailer "five" await }
    optional stock -> stock "a step to itself (not a relation: reported, still drawn)"
  }`);
        const l = await layout(text, 'checkout');
        expect(l.frames.map(f => f.kind)).toEqual(['opt', 'opt', 'par', 'opt', 'par', 'opt']);
        const self = l.messages.at(-1)!;
        expect([self.fromX, self.toX]).toEqual([l.participants.find(p => p.id === 'stock')!.x, l.participants.find(p => p.id === 'stock')!.x]);
        expectNoOverlaps(l);
    });
});
