import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectHover, expectSymbols } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const hover = expectHover(services.Arch);
const symbols = expectSymbols(services.Arch);
afterEach(() => clearDocuments(services.shared));

const TEXT = `architecture "Shop" {
  service <|>orders : go {
    tags team-orders, tier_1
    meta { owner "orders *team*" }
    link "https://runbooks.example/orders (v2)" "Runbook"
    link "javascript:alert(1)" "Bad"
  }
  database ordersDb
  orders -> ordersDb
  view data "Data" { include kind:database }
  flow save "Save an order" { orders -> ordersDb }
}`;

describe('tags, meta and links in hover cards', () => {
    test('are listed, escaped, with safe links only', async () => {
        await hover({
            text: TEXT, index: 0, disposeAfterCheck: true,
            hover: new RegExp([
                'Tags: team\\\\-orders, tier\\\\_1  \\n',
                'owner: orders \\\\\\*team\\\\\\*  \\n',
                'Link: \\[Runbook\\]\\(https://runbooks\\.example/orders%20%28v2%29\\)  \\n',
                'Link \\(not followed: only http, https and relative paths are\\): javascript:alert\\\\\\(1\\\\\\)',
            ].join('')),
        });
    });
});

describe('the outline', () => {
    test('lists views and flows with the declarations', async () => {
        const names: string[] = [];
        const walk = (list: readonly DocumentSymbol[] = []) => list.forEach(s => { names.push(`${s.name} (${s.detail})`); walk(s.children); });
        await symbols({ text: TEXT.replace('<|>', ''), disposeAfterCheck: true, assert: list => walk(list) });
        expect(names).toEqual(['Shop (architecture)', 'orders (service : go)', 'ordersDb (database)', 'data (Data · view)', 'save (Save an order · flow · 1 step)']);
    });
});
