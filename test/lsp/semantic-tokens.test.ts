import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectSemanticToken, highlightHelper } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { AllSemanticTokenModifiers } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const highlight = highlightHelper(services.Arch);

afterEach(() => clearDocuments(services.shared));

test('ids are coloured by what they name, where declared and where referenced', async () => {
    const tokens = await highlight(`architecture "Shop" {
  system <|shop|> {
    service <|orders|>
    function <|resize|> { trigger <|images|> }
  }
  storage <|images|>
  database <|ordersDb|> { owner <|orders|> }
  <|orders|> -> <|ordersDb|>
  <|orders|> ~> <|shop|>
}`);
    const expected = [
        SemanticTokenTypes.namespace, // shop
        SemanticTokenTypes.class,     // orders
        SemanticTokenTypes.function,  // resize
        SemanticTokenTypes.struct,    // trigger images
        SemanticTokenTypes.struct,    // images
        SemanticTokenTypes.struct,    // ordersDb
        SemanticTokenTypes.class,     // owner orders
        SemanticTokenTypes.class,     // orders ->
        SemanticTokenTypes.struct,    // -> ordersDb
        SemanticTokenTypes.class,     // orders ~>
        SemanticTokenTypes.namespace, // ~> shop
    ];
    expect(tokens.ranges).toHaveLength(expected.length);
    expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
});

test('declarations carry the declaration modifier; an unknown reference gets no token', async () => {
    const { tokens } = await highlight('service orders\norders -> nowhere\n');
    const declaration = AllSemanticTokenModifiers[SemanticTokenModifiers.declaration];
    expect(tokens.map(t => `${t.text} ${t.tokenType}${t.tokenModifiers & declaration ? ' declaration' : ''}`)).toEqual([
        'orders class declaration',
        'orders class',
    ]);
});
