import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectSymbols } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const symbols = expectSymbols(services.Arch);

afterEach(() => clearDocuments(services.shared));

/** The outline as an indented list: `name (detail)`. */
function outline(list: readonly DocumentSymbol[] = [], depth = 0): string[] {
    return list.flatMap(s => [`${'  '.repeat(depth)}${s.name} (${s.detail})`, ...outline(s.children, depth + 1)]);
}

const SHOP = `architecture "Shop" {
  client web : browser
  system shop {
    boundary payments {
      service pay "Payment Service" : java {
        sidecar envoy : envoy
      }
      database payDb : postgres
    }
    service orders
  }
  metrics prom
  web -> orders
  orders -> pay
}`;

test('groups contain their members, labels stand beside ids, nested groups nest, relations are left out', async () => {
    await symbols({
        text: SHOP,
        assert: list => expect(outline(list)).toEqual([
            'Shop (architecture)',
            '  web (client : browser)',
            '  shop (system)',
            '    payments (boundary)',
            '      pay (Payment Service · service : java)',
            '        envoy (sidecar : envoy)',
            '      payDb (database : postgres)',
            '    orders (service)',
            '  prom (metrics)',
        ]),
        disposeAfterCheck: true,
    });
});

test('symbols carry icons by kind and select the id', async () => {
    await symbols({
        text: SHOP,
        assert: list => {
            const shop = list[0].children![1];
            expect(shop.kind).toBe(SymbolKind.Namespace);
            const pay = shop.children![0].children![0];
            expect(pay.kind).toBe(SymbolKind.Module);
            expect(pay.selectionRange).toEqual({ start: { line: 4, character: 14 }, end: { line: 4, character: 17 } });
            expect(pay.detail).toBe('Payment Service · service : java');
            expect(shop.children![0].children![1].kind).toBe(SymbolKind.Struct);
        },
        disposeAfterCheck: true,
    });
});

test('a file without an architecture block lists its declarations at the top', async () => {
    await symbols({
        text: 'service a\nsystem s { service b }\na -> b\n',
        assert: list => expect(outline(list)).toEqual(['a (service)', 's (system)', '  b (service)']),
        disposeAfterCheck: true,
    });
});
