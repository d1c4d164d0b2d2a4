import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { DiagramView } from '../../language-server/src/diagram/diagram-types.js';
import { createTestServices, diagnosticLines } from '../helpers/services.js';
import { anyArch, CORPUS, mutatedArch, randomText, tokenSoup } from './arch-arbitraries.js';

// Never crash: whatever the text, the parser, the model, validation, the rules and the
// diagram return results and diagnostics; nothing throws and no check fails internally.
// Each property runs a bounded number of cases; a failure prints the input that broke it.
const services = createTestServices();
afterAll(() => clearDocuments(services.shared));

/** Diagnostics that mean a check threw instead of reporting. */
function internalErrors(doc: LangiumDocument): string[] {
    return diagnosticLines(doc).filter(l => /\[internal-error\]|An error occurred during validation|Internal error/.test(l));
}

async function analyse(text: string): Promise<LangiumDocument> {
    const doc = await services.parse(text, { validation: true });
    expect(internalErrors(doc)).toEqual([]);
    return doc;
}

function wellFormedSvg(svg: string): void {
    new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`${level}: ${message}`); } })
        .parseFromString(svg, 'image/svg+xml');
}

let analysed = 0;
/** Drops the documents every few cases, so the workspace does not grow across runs. */
async function tidy(): Promise<void> {
    if (++analysed % 25 === 0) await clearDocuments(services.shared);
}

describe('the parser never throws', () => {
    test.each([
        ['random text', randomText, 300],
        ['token soup', tokenSoup, 300],
        ['mutated samples', mutatedArch, 300],
    ] as const)('%s', (_name, arbitrary, numRuns) => {
        const parser = services.Arch.parser.LangiumParser;
        fc.assert(fc.property(arbitrary, text => {
            const result = parser.parse(text);
            expect(result.value.$type).toBe('Model');
        }), { numRuns });
    });
});

describe('model, validation and rules never throw', () => {
    test('every sample is clean of internal errors as written', async () => {
        for (const text of CORPUS) await analyse(text);
    });

    test('mutated samples, token soup and random text', async () => {
        await fc.assert(fc.asyncProperty(anyArch, async text => {
            const doc = await analyse(text);
            const model = services.Arch.model.ModelProvider.getModel(doc);
            // Every relation joins declarations the model knows.
            for (const r of model.relations) {
                expect(model.elements.has(r.sourceId) || model.groups.has(r.sourceId)).toBe(true);
                expect(model.elements.has(r.targetId) || model.groups.has(r.targetId)).toBe(true);
            }
            await tidy();
        }), { numRuns: 150 });
    });
});

describe('layout and SVG never throw', () => {
    test('mutated samples draw as well-formed SVG in every view', async () => {
        const views: DiagramView[] = ['all', 'calls', 'messaging', 'observability'];
        await fc.assert(fc.asyncProperty(mutatedArch, fc.constantFrom(...views), fc.constantFrom('RIGHT', 'DOWN'), async (text, view, direction) => {
            const doc = await analyse(text);
            const model = services.Arch.model.ModelProvider.getModel(doc);
            const focus = [...model.elements.keys()][0];
            const result = await services.Arch.diagram.DiagramGenerator.generate(model, { view, direction, theme: 'dark', legend: true, focus });
            wellFormedSvg(result.svg);
            await tidy();
        }), { numRuns: 20 });
    });
});

describe('editor features on broken text never throw', () => {
    test('completion, hover, symbols, folding and formatting at random places', async () => {
        const lsp = services.Arch.lsp;
        await fc.assert(fc.asyncProperty(anyArch, fc.double({ min: 0, max: 1, noNaN: true }), async (text, where) => {
            const doc = await analyse(text);
            const textDocument = { uri: doc.uri.toString() };
            const position = doc.textDocument.positionAt(Math.floor(text.length * where));
            await lsp.CompletionProvider?.getCompletion(doc, { textDocument, position });
            await lsp.HoverProvider?.getHoverContent(doc, { textDocument, position });
            await lsp.DocumentSymbolProvider?.getSymbols(doc, { textDocument });
            await lsp.FoldingRangeProvider?.getFoldingRanges(doc, { textDocument });
            await lsp.Formatter?.formatDocument(doc, { textDocument, options: { tabSize: 2, insertSpaces: true } });
            await tidy();
        }), { numRuns: 60 });
    });
});
