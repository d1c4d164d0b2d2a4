import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const parse = parseHelper(services.Arch);
afterEach(() => clearDocuments(services.shared));

async function format(text: string): Promise<string> {
    const document = await parse(text);
    expect(document.parseResult.parserErrors).toEqual([]);
    const edits = await services.Arch.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: false } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

const MESSY = `architecture "S" {
service orders {  tags a ,b   meta {  owner "x"   tier "1" } link "https://x"   "X" }
database db
orders->db {timeout 1s tags t}
view v "V" {include orders -> *,* -> db, tag : a , g .*  exclude kind:database
direction down   level  systems}
flow f "F" {orders->db "q";parallel {orders->db;  orders->db} optional  orders -> db   await}
}
`;

const CANONICAL = `architecture "S" {
  service orders { tags a, b meta { owner "x" tier "1" } link "https://x" "X" }
  database db
  orders -> db { timeout 1s tags t }
  view v "V" {
    include orders->*, *->db, tag:a, g.*
    exclude kind:database
    direction down
    level systems
  }
  flow f "F" {
    orders -> db "q";
    parallel { orders -> db; orders -> db }
    optional orders -> db await
  }
}
`;

test('tags, meta, links, views and flows have one canonical layout, and formatting it again changes nothing', async () => {
    const once = await format(MESSY.replace('g .*', 'orders.*'));
    expect(once).toBe(CANONICAL.replace('g.*', 'orders.*'));
    expect(await format(once)).toBe(once);
});
