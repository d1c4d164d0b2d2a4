import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectFoldings } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { createArchServices } from '../../language-server/src/arch-module.js';

const services = createArchServices(EmptyFileSystem);
const foldings = expectFoldings(services.Arch);

afterEach(() => clearDocuments(services.shared));

const TEXT = `// The shop, as the
// checkout team sees it.
import "a.arch"
import "b.arch"
architecture "Shop" {
  system shop {
    service orders {
      replicas 2
      exposure internal
    }
    /* Payments run
       elsewhere, in
       another file. */
    service one { replicas 1 }
  }
  orders -> one
}`;

function describeRanges(ranges: readonly FoldingRange[]): string[] {
    return ranges.map(r => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort();
}

test('folds the architecture block, groups, bodies of three lines or more, imports and comments', async () => {
    await foldings({
        text: TEXT,
        assert: ranges => expect(describeRanges(ranges)).toEqual([
            '0-1 comment',   // a run of line comments
            '10-11 comment', // a block comment, its last line left out as Langium does
            '2-3 imports',
            '4-15',          // architecture { … }, up to the line before `}`
            '5-13',          // system shop { … }
            '6-8',           // service orders { … }
        ].sort()),
        disposeAfterCheck: true,
    });
});

test('the ranges carry their kinds', async () => {
    await foldings({
        text: TEXT,
        assert: ranges => {
            expect(ranges.filter(r => r.kind === FoldingRangeKind.Comment)).toHaveLength(2);
            expect(ranges.filter(r => r.kind === FoldingRangeKind.Imports)).toHaveLength(1);
        },
        disposeAfterCheck: true,
    });
});
