import { describe, expect, test } from 'vitest';
import { edgeSpans, edgesWithinBudget, layoutCost, type LayeredEdge } from '../../language-server/src/diagram/dense-graph.js';

const edge = (text: string): LayeredEdge => {
    const [sourceId, targetId] = text.split('>');
    return { sourceId, targetId };
};
const edges = (...texts: string[]) => texts.map(edge);

/** `n` boxes that all point to each other. */
function complete(n: number): LayeredEdge[] {
    const list: LayeredEdge[] = [];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) list.push({ sourceId: `s${i}`, targetId: `s${j}` });
    return list;
}

describe('the layering ELK would find', () => {
    test('a chain is one layer per box; an edge that skips boxes crosses their layers', () => {
        expect(edgeSpans(edges('a>b', 'b>c', 'c>d', 'a>d'))).toEqual([1, 1, 1, 3]);
    });

    test('a cycle is broken where the walk meets it: its edges stay one layer long', () => {
        expect(edgeSpans(edges('a>b', 'b>c', 'c>a'))).toEqual([1, 1, 2]);
        expect(edgeSpans(edges('a>b', 'b>a'))).toEqual([1, 1]);
    });

    test('an edge from a box to itself crosses no layer, and costs one segment', () => {
        expect(edgeSpans(edges('a>a'))).toEqual([0]);
        expect(layoutCost(edges('a>a'))).toBe(1);
    });

    test('a fan from one box costs one segment per edge, however many', () => {
        const fan = Array.from({ length: 200 }, (_, i) => edge(`gw>s${i}`));
        expect(layoutCost(fan)).toBe(200);
    });

    test('boxes that all call each other cost about n³/6 segments: 25 of them 5,200 (ELK took 34 s)', () => {
        expect(layoutCost(complete(25))).toBe(5_200);
        expect(layoutCost(complete(50))).toBeGreaterThan(40_000);
    });
});

describe('edges within a budget', () => {
    test('a complete graph keeps its shortest edges, within the budget', () => {
        const all = complete(25);
        const kept = edgesWithinBudget(all, 150);
        const drawn = all.filter((_, i) => kept[i]);
        expect(layoutCost(drawn)).toBeLessThanOrEqual(150);
        // Far more than a chain is kept: the drawing still shows that they call each other.
        expect(drawn.length).toBeGreaterThan(60);
        expect(drawn.length).toBeLessThan(all.length);
    });

    test('near miss: a graph within the budget keeps every edge', () => {
        const chain = edges('a>b', 'b>c', 'c>d', 'a>d');
        expect(edgesWithinBudget(chain, layoutCost(chain))).toEqual([true, true, true, true]);
    });

    test('near miss: many short edges over the budget are kept (a large graph is not a dense one)', () => {
        const fan = Array.from({ length: 500 }, (_, i) => edge(`gw>s${i}`));
        expect(edgesWithinBudget(fan, 100).every(Boolean)).toBe(true);
    });

    test('fixed edges count but stay: only the others are left out', () => {
        // Six boxes that all point to each other cost 6·5 + their long edges, far over 10.
        expect(edgesWithinBudget(edges('a>b', 'b>c', 'a>c'), 10, complete(6))).toEqual([true, true, false]);
        expect(edgesWithinBudget([], 10, complete(6))).toEqual([]);
    });
});
