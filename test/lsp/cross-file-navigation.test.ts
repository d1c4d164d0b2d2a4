import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectFindReferences, expectGoToDefinition, parseHelper } from 'langium/test';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Position, WorkspaceEdit } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const { Arch } = services;
const parse = parseHelper(Arch);

afterEach(() => clearDocuments(services.shared));

/** A file that declares the payment side, and the shop that imports it. */
const COMMON = `service payments : java
database payDb : postgres { owner payments }
`;
const SHOP = `import "common.arch"
architecture "Shop" {
  service orders
  orders -> payments : grpc
  orders ~> payDb
}
`;

let common: LangiumDocument;
let shop: LangiumDocument;

beforeEach(async () => {
    common = await parse(COMMON, { documentUri: 'file:///ws/common.arch' });
    shop = await parse(SHOP, { documentUri: 'file:///ws/shop.arch' });
});

function positionOf(document: LangiumDocument, text: string, occurrence = 1): Position {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) offset = document.textDocument.getText().indexOf(text, offset + 1);
    expect(offset).toBeGreaterThanOrEqual(0);
    return document.textDocument.positionAt(offset);
}

/** The edits of a rename as `file line:column newText`, sorted. */
function describeEdit(edit: WorkspaceEdit | undefined): string[] {
    return Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) =>
        edits.map(e => `${uri.split('/').pop()} ${e.range.start.line}:${e.range.start.character} ${e.newText}`)).sort();
}

describe('across files', () => {
    test('go to definition jumps from the importing file to the declaration', async () => {
        const links = await Arch.lsp.DefinitionProvider!.getDefinition(shop, { textDocument: { uri: shop.uri.toString() }, position: positionOf(shop, 'payments') });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe('file:///ws/common.arch');
        expect(links![0].targetSelectionRange).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 16 } });
    });

    test('find references lists the uses in both files', async () => {
        const references = await Arch.lsp.ReferencesProvider!.findReferences(common, {
            textDocument: { uri: common.uri.toString() },
            position: positionOf(common, 'payments'),
            context: { includeDeclaration: true },
        });
        expect(references.map(r => `${r.uri.split('/').pop()} ${r.range.start.line}:${r.range.start.character}`).sort()).toEqual([
            'common.arch 0:8',  // the declaration
            'common.arch 1:34', // owner payments
            'shop.arch 3:12',   // orders -> payments
        ]);
    });

    test('hover on an imported element shows its card, with the relations of the importing file', async () => {
        const hover = await Arch.lsp.HoverProvider!.getHoverContent(shop, { textDocument: { uri: shop.uri.toString() }, position: positionOf(shop, 'payments') });
        expect(hover?.contents).toMatchObject({ kind: 'markdown', value: expect.stringMatching(/^\*\*service\*\* `payments` : java[\s\S]*In: ← `orders` \(grpc\)$/) });
    });

    test('rename at the declaration changes the references in the importing file', async () => {
        const edit = await Arch.lsp.RenameProvider!.rename(common, { textDocument: { uri: common.uri.toString() }, position: positionOf(common, 'payments'), newName: 'billing' });
        expect(describeEdit(edit)).toEqual(['common.arch 0:8 billing', 'common.arch 1:34 billing', 'shop.arch 3:12 billing']);
    });

    test('rename at a reference in the importing file changes the declaration too', async () => {
        const edit = await Arch.lsp.RenameProvider!.rename(shop, { textDocument: { uri: shop.uri.toString() }, position: positionOf(shop, 'payDb'), newName: 'ledger' });
        expect(describeEdit(edit)).toEqual(['common.arch 1:9 ledger', 'shop.arch 4:12 ledger']);
    });
});

describe('rename refuses names that would break the architecture', () => {
    async function renameError(document: LangiumDocument, at: string, newName: string): Promise<string | undefined> {
        try {
            await Arch.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, at), newName });
            return undefined;
        } catch (error) {
            return (error as Error).message;
        }
    }

    test('not an identifier', async () => {
        expect(await renameError(shop, 'orders', '2fast')).toBe("'2fast' is not a valid id: an id starts with a letter or '_' and goes on with letters, digits or '_'.");
        expect(await renameError(shop, 'orders', 'order service')).toMatch(/^'order service' is not a valid id/);
        expect(await renameError(shop, 'orders', 'node.js')).toMatch(/^'node.js' is not a valid id/);
    });

    test('a keyword', async () => {
        expect(await renameError(shop, 'orders', 'system')).toBe("'system' is a keyword of the language and cannot be an id.");
        expect(await renameError(shop, 'orders', 'trigger')).toBe("'trigger' is a keyword of the language and cannot be an id.");
    });

    test('element kinds may be ids, so they are accepted', async () => {
        expect(await renameError(shop, 'orders', 'timer')).toBeUndefined();
        // So may property names.
        expect(await renameError(shop, 'orders', 'replicas')).toBeUndefined();
    });

    test('a name taken in the same file', async () => {
        expect(await renameError(common, 'payDb', 'payments')).toBe("'payments' is already declared (service at common.arch:1); ids must be unique across an architecture and its imports.");
    });

    test('a name taken in a file that imports the declaration', async () => {
        expect(await renameError(common, 'payments', 'orders')).toBe("'orders' is already declared (service at shop.arch:3); ids must be unique across an architecture and its imports.");
    });
});

describe('within one file', () => {
    const goToDefinition = expectGoToDefinition(Arch);
    const findReferences = expectFindReferences(Arch);

    test('go to definition', async () => {
        await goToDefinition({ text: 'service <|a|>\nservice b\n<|>a -> b\n', index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    test('find references', async () => {
        await findReferences({ text: 'service <|a|>\nservice b\n<|a|> -> b\nb ~> <|<|>a|>\n', includeDeclaration: true, disposeAfterCheck: true });
    });
});
