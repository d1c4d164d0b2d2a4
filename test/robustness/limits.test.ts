import { afterEach, describe, expect, test } from 'vitest';
import { clearDocuments } from 'langium/test';
import { findTooDeepBrace, INPUT_LIMITS } from '../../language-server/src/parser/input-limits.js';
import { TerminalScanner } from '../../language-server/src/parser/lexer-patterns.js';
import { arch, buildWorkspace, createTestServices, diagnosticLines } from '../helpers/services.js';

// Never hang: each of these finishes well inside vitest's timeout, and where a limit is
// reached the document says so in one diagnostic instead of crashing or freezing.
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const nested = (depth: number) =>
    arch(Array.from({ length: depth }, (_, i) => `system g${i} {`).join('\n') + '\nservice core\n' + '}'.repeat(depth));

async function check(text: string) {
    const doc = await services.parse(text, { validation: true });
    return { doc, lines: diagnosticLines(doc), model: services.Arch.model.ModelProvider.getModel(doc) };
}

describe('size', () => {
    test('a 10 MB file is refused with one diagnostic and an empty model', async () => {
        const text = arch('service a\n'.repeat(1_048_576));
        const { lines, model, doc } = await check(text);
        expect(lines).toEqual(['1:1 error File too large to analyse (10.0 MB > 1 MB limit). Split it into files that import each other.']);
        expect(model.elements.size).toBe(0);
        // Still the parse of this text, so nobody waits for a newer one.
        expect(doc.parseResult.value.$cstNode?.root.fullText).toBe(text);
    });

    test('the size counts UTF-8 bytes: 400,000 emoji are 1.5 MB', async () => {
        const { lines } = await check(`service a "${'🚀'.repeat(400_000)}"`);
        expect(lines).toEqual([expect.stringMatching(/^1:1 error File too large to analyse \(1\.5 MB > 1 MB limit\)/)]);
    });

    test('a 1 MB line is analysed', async () => {
        const label = 'x'.repeat(1_000_000);
        const { model, lines } = await check(`service a "${label}" : java service b a -> b { timeout 1s breaker }`);
        expect(model.elements.get('a')?.label).toBe(label);
        expect(model.relations.map(r => r.id)).toEqual(['a->b']);
        expect(lines.filter(l => l.includes(' error '))).toEqual([]);
    });

    test('10,000 elements in a chain of calls are analysed', async () => {
        const body = Array.from({ length: 10_000 }, (_, i) => `service s${i}` + (i > 0 ? `\ns${i} -> s${i - 1} { timeout 1s breaker }` : '')).join('\n');
        const { model, lines } = await check(arch(body));
        expect(model.elements.size).toBe(10_000);
        expect(model.relations).toHaveLength(9_999);
        // A rule that fails is reported as an internal error and must not stop the others.
        expect(lines.filter(l => l.includes(' error ') && !l.includes('[internal-error]'))).toEqual([]);
    });
});

describe('nesting', () => {
    test(`${INPUT_LIMITS.maxNestingDepth} nested groups are analysed`, async () => {
        const { model, lines } = await check(nested(INPUT_LIMITS.maxNestingDepth - 1));
        expect(model.groups.size).toBe(INPUT_LIMITS.maxNestingDepth - 1);
        expect(model.elements.get('core')?.groupId).toBe(`g${INPUT_LIMITS.maxNestingDepth - 2}`);
        expect(lines.filter(l => l.includes(' error '))).toEqual([]);
    });

    test('1,000 nested groups: one diagnostic at the first brace too deep, not a stack overflow', async () => {
        const { lines, model } = await check(nested(1_000));
        expect(lines).toEqual(['101:12 error Groups nested deeper than 100 levels: this file is not analysed. Flatten the nesting.']);
        expect(model.groups.size).toBe(0);
    });

    test('braces inside strings and comments do not count', async () => {
        const { lines } = await check(arch(`service a "${'{'.repeat(500)}" // ${'{'.repeat(500)}\n/* ${'{'.repeat(500)} */`));
        expect(lines.filter(l => l.includes(' error '))).toEqual([]);
    });

    test('the brace too deep is found as a walk over every character finds it, on 3,000 random texts', () => {
        // The walk the scan replaced: every character in turn, strings and comments skipped as the lexer does.
        const everyCharacter = (text: string, max: number) => {
            const scanner = new TerminalScanner();
            let depth = 0;
            for (let i = 0; i < text.length;) {
                const c = text[i];
                if (c === '"' || c === "'") {
                    const end = scanner.stringEnd(text, i);
                    i = end < 0 ? i + 1 : end;
                } else if (c === '/' && text[i + 1] === '/') {
                    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
                } else if (c === '/' && text[i + 1] === '*') {
                    const end = scanner.blockCommentEnd(text, i);
                    i = end < 0 ? i + 1 : end;
                } else {
                    if (c === '{' && ++depth > max) return i;
                    if (c === '}' && depth > 0) depth--;
                    i++;
                }
            }
            return undefined;
        };
        let seed = 7;
        const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
        const pieces = ['{', '{', '{', '}', '}', '"', "'", '\\', '/', '*', '//', '/*', '*/', '\n', '\r', 'a', ' '];
        let deep = 0;
        for (let n = 0; n < 3_000; n++) {
            const text = Array.from({ length: random(200) }, () => pieces[random(pieces.length)]).join('');
            const max = 1 + random(12);
            const found = findTooDeepBrace(text, max);
            expect(found, JSON.stringify(text)).toBe(everyCharacter(text, max));
            if (found !== undefined) deep++;
        }
        // Both outcomes are well represented.
        expect(deep).toBeGreaterThan(300);
        expect(deep).toBeLessThan(2_700);
    });
});

describe('syntax errors', () => {
    test('thousands of errors in one block stop after the cap with a note, not a stack overflow', async () => {
        const { lines } = await check(arch('a ->'.repeat(5_000)));
        const syntax = lines.filter(l => !l.includes('[unknown-reference]'));
        expect(syntax).toContain(`2:807 error More than ${INPUT_LIMITS.maxSyntaxErrors} syntax errors: the rest of the file is not analysed. Fix the first ones.`);
        expect(syntax.length).toBeLessThanOrEqual(INPUT_LIMITS.maxSyntaxErrors + 2);
    });

    test('completion at the end of a file with thousands of errors answers instead of overflowing', async () => {
        const { doc } = await check(arch('a ->'.repeat(5_000)));
        const position = doc.textDocument.positionAt(doc.textDocument.getText().length - 2);
        await expect(services.Arch.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position })).resolves.toBeDefined();
    });

    test('a file of 20,000 bare words', async () => {
        const { lines } = await check('a '.repeat(20_000));
        expect(lines[0]).toMatch(/More than 100 syntax errors/);
    });

    test('after a file that hit a limit, the next file parses normally', async () => {
        await check(arch('a ->'.repeat(5_000)));
        await check(nested(1_000));
        const { lines, model } = await check(arch('service a\nservice b\na -> b { timeout 1s breaker }'));
        expect(model.relations.map(r => r.id)).toEqual(['a->b']);
        expect(lines.filter(l => l.includes(' error '))).toEqual([]);
    });
});

describe('lexing stays linear on unterminated strings and comments', () => {
    test.each([
        // With the regular expressions, each of these took minutes.
        ['"\\ repeated', '"\\'.repeat(100_000)],
        ["'\\ repeated", "'\\".repeat(100_000)],
        ['/* repeated', '/* '.repeat(70_000)],
    ])('%s (about 200 KB)', async (_name, text) => {
        const { lines } = await check(text);
        expect(lines[0]).toMatch(/^1:[12] error (Unexpected character|A (string|comment) starts here and never ends)/);
    });

    test('strings and comments still lex as before', async () => {
        const { model, lines } = await check(arch(`service a "it's \\"quoted\\"" /* a /* b */\nservice b 'say "hi"' // c */\na -> b { timeout 1s breaker }`));
        expect(model.elements.get('a')?.label).toBe('it\'s "quoted"');
        expect(model.elements.get('b')?.label).toBe('say "hi"');
        expect(lines.filter(l => l.includes(' error '))).toEqual([]);
    });
});

describe('cycles', () => {
    test('a relation to itself is a diagnostic', async () => {
        const { lines } = await check(arch('service a\na -> a { timeout 1s breaker }'));
        expect(lines).toContain("3:1 error A call from 'a' to itself: an element does not call itself. [self-relation]");
    });

    test('a file that imports itself', async () => {
        const docs = await buildWorkspace(services, { 'self.arch': 'import "./self.arch"\nservice a\n' });
        expect(diagnosticLines(docs['self.arch'])).toContain('1:8 error A file cannot import itself. [import-cycle]');
    });

    test('an import cycle of three files: each file is told, the model has each declaration once', async () => {
        const docs = await buildWorkspace(services, {
            'a.arch': 'import "./b.arch"\nservice a\na -> b { timeout 1s breaker }\n',
            'b.arch': 'import "./c.arch"\nservice b\nb -> c { timeout 1s breaker }\n',
            'c.arch': 'import "./a.arch"\nservice c\nc -> a { timeout 1s breaker }\n',
        });
        for (const name of ['a.arch', 'b.arch', 'c.arch']) {
            expect(diagnosticLines(docs[name]).filter(l => l.includes('[import-cycle]'))).toHaveLength(1);
        }
        const model = services.Arch.model.ModelProvider.getModel(docs['a.arch']);
        expect([...model.elements.keys()].sort()).toEqual(['a', 'b', 'c']);
    });
});
