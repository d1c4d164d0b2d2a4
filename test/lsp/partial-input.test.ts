import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';

/**
 * While someone types, the file is cut off anywhere: after an arrow, inside a body,
 * halfway through a header. Every editor feature must answer, not throw.
 */

const services = createArchServices(EmptyFileSystem);
const { Arch } = services;
const parse = parseHelper(Arch);

afterEach(() => clearDocuments(services.shared));

const SAMPLE = readFileSync(path.resolve(__dirname, '../../samples/faas.arch'), 'utf8');

/** Cut points: the end of every 7th token, so every kind of construct gets cut somewhere. */
const CUTS = Arch.parser.Lexer.tokenize(SAMPLE).tokens.filter((_, i) => i % 7 === 0).map(t => t.startOffset + t.image.length);

test('there are cut points across the whole sample', () => {
    expect(CUTS.length).toBeGreaterThan(50);
});

test.each(CUTS)('cut at offset %i: every feature answers', async (cut) => {
    const document = await parse(SAMPLE.slice(0, cut) + ' ');
    const textDocument = { uri: document.uri.toString() };
    const end = document.textDocument.positionAt(cut + 1);
    const middle = document.textDocument.positionAt(Math.floor(cut / 2));
    await Arch.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: end });
    await Arch.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: middle });
    await Arch.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
    await Arch.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
    await Arch.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
    await Arch.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } });
});
