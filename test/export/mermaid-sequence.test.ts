import { readFileSync } from 'node:fs';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { toMermaidSequence } from '../../language-server/src/export/mermaid-sequence.js';
import { createTestServices } from '../helpers/services.js';
import { modelOf } from '../diagram/diagram-helpers.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = readFileSync(new URL('../flows/fixtures/checkout-flow.arch', import.meta.url), 'utf8');

describe('a flow as a Mermaid sequenceDiagram', () => {
    test('text that Mermaid would read as syntax is written as entity codes', async () => {
        const hostile = SHOP
            .replace('"POST /orders"', '"a; b %% c: <d> #e end"')
            .replace('client web "Web shop"', 'client web "Web;\\nshop: end"')
            .replace('"Place an order"', '"Place\\n---\\nan order"');
        const model = await modelOf(services, hostile);
        const text = toMermaidSequence(model, model.flows.get('checkout')!);
        const lines = text.split('\n');
        // A line break in the title cannot end the front matter early.
        expect(lines.slice(0, 4)).toEqual(['---', 'title: "Shop: Place --- an order"', '---', 'sequenceDiagram']);
        expect(lines).toContain('  participant p0 as Web#59; shop#58; end');
        expect(lines).toContain('  p0->>p1: 1. a#59; b #37;#37; c#58; #60;d#62; #35;e end');
        // Every statement stays on its line: as many lines as participants, steps, answers and frames.
        expect(lines.filter(l => l.trim() === 'end')).toHaveLength(3);
    });
});
