import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, createTestServices, diagnosticLines } from '../helpers/services.js';

// Every limit applies to what the parser sees, whatever the line endings, a BOM, or a
// quote or comment that never ends; character-level errors are capped like the others.
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

async function lines(text: string): Promise<string[]> {
    return diagnosticLines(await services.parse(text, { validation: true }));
}

const TOO_DEEP = /error Groups nested deeper than 100 levels: this file is not analysed/;
const deep = (eol: string) => Array.from({ length: 150 }, (_, i) => `system g${i} {`).join(eol) + '}'.repeat(150);

describe('the nesting limit cannot be walked around', () => {
    test.each([
        ['an unterminated double quote with an escaped line end', '"\\\n', ' '],
        ['an unterminated single quote with an escaped line end', "'\\\n", ' '],
        ['a // comment ended by a lone CR', '// comment\r', '\r'],
        ['an unterminated /*', '/*\n', '\n'],
        ['a BOM', '\ufeff', '\r\n'],
    ])('%s before 150 nested groups', async (_name, prefix, eol) => {
        const found = await lines(prefix + deep(eol));
        expect(found.filter(l => TOO_DEEP.test(l))).toHaveLength(1);
    });

    test.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']])('with %s line ends, the line it names is the line of the 101st group', async (_name, eol) => {
        const found = await lines(deep(eol) + eol);
        expect(found.filter(l => TOO_DEEP.test(l))).toEqual([expect.stringMatching(/^101:/)]);
    });

    test('braces inside a closed string or comment do not count', async () => {
        const found = await lines(`"${'{'.repeat(200)}" /* ${'{'.repeat(200)} */ // ${'{'.repeat(200)}\rservice a`);
        expect(found.filter(l => TOO_DEEP.test(l))).toEqual([]);
    });
});

describe('character-level errors', () => {
    test('half a megabyte of x@ gets the first 100 and one line that says so', async () => {
        const found = await lines('x@'.repeat(250_000));
        const lexical = found.filter(l => l.includes('Unexpected character'));
        expect(lexical).toHaveLength(100);
        expect(found).toContain("1:200 error More than 100 unexpected characters: only the first 100 are reported.");
        // The parser's errors are capped too; what is left is one unknown name per parsed reference.
        expect(found.filter(l => l.includes('syntax errors'))).toHaveLength(1);
        expect(found.length).toBeLessThan(450);
    }, 60_000); // About 2 s of CPU (the strays were shifted off an array, quadratic: 15-35 s); 31 s of wall at a load of 29 on 2 cores.

    test('are said in words, with the character shown safely', async () => {
        expect((await lines('"'))[0]).toBe(`1:1 error A string starts here and never ends: add the closing ".`);
        expect((await lines(arch('service a \u001b[2J')))).toContain('2:11 error Unexpected character U+001B; skipped 2 characters.');
        expect((await lines('@@@'))[0]).toBe("1:1 error Unexpected character '@'; skipped 3 characters.");
    });
});
