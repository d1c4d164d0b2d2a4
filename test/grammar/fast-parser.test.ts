import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { AstNode, CstNode, ParseResult } from 'langium';
import { isAstNode, isCompositeCstNode, isLeafCstNode, isReference } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { describe, expect, test, vi } from 'vitest';
import { generateModel } from '../../bench/generate-model.mjs';
import type { ArchParser } from '../../language-server/src/parser/arch-parser.js';
import { FastParser } from '../../language-server/src/parser/fast-parser.js';
import { createTestServices } from '../helpers/services.js';
import { CORPUS, mutatedArch, tokenSoup } from '../robustness/arch-arbitraries.js';

// The fast path of the parser must build exactly the tree Chevrotain's parser builds (the
// AST, its references and the whole CST with comments), and leave every text with an error
// to Chevrotain.

const services = createTestServices();
const parser = services.Arch.parser.LangiumParser as ArchParser;

const REPO = path.resolve(__dirname, '../..');
const EVAL = readdirSync(path.join(REPO, 'eval'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.arch'))
    .sort()
    .map(f => readFileSync(path.join(REPO, 'eval', f), 'utf8'));
const GENERATED = [200, 1000].flatMap(size => Object.values(generateModel(size, { perFile: 400 }).files));

/**
 * The first difference between two parse trees, as a path; undefined when they are the same.
 * `owners`: the nodes that hold `a` and `b`, which must be their containers.
 */
function difference(a: unknown, b: unknown, at = '$', seen = new Set<unknown>(), owners: [unknown, unknown] = [undefined, undefined]): string | undefined {
    if (a === b) return undefined;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${String(a)} ≠ ${String(b)}`;
    if (seen.has(a)) return undefined;
    seen.add(a);
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${at}: arrays of ${(a as unknown[]).length} and ${(b as unknown[]).length}`;
        for (let i = 0; i < a.length; i++) {
            const d = difference(a[i], b[i], `${at}[${i}]`, seen, owners);
            if (d) return d;
        }
        return undefined;
    }
    if (isAstNode(a) && (a.$container !== owners[0] || (b as AstNode).$container !== owners[1])) return `${at}: not linked to the node that holds it`;
    if (isReference(a) || isReference(b)) {
        if (!isReference(a) || !isReference(b)) return `${at}: a reference and something else`;
        return a.$refText === b.$refText ? cstDifference(a.$refNode, b.$refNode, `${at}.$refNode`) : `${at}: ${a.$refText} ≠ ${b.$refText}`;
    }
    const keysA = Object.keys(a).filter(k => k !== '$container' && k !== '$cstNode' && k !== '$document').sort();
    const keysB = Object.keys(b).filter(k => k !== '$container' && k !== '$cstNode' && k !== '$document').sort();
    if (keysA.join() !== keysB.join()) return `${at}: keys ${keysA.join()} ≠ ${keysB.join()}`;
    for (const key of keysA) {
        const d = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`, seen, [a, b]);
        if (d) return d;
    }
    if ('$cstNode' in a || '$cstNode' in b) return cstDifference((a as AstNode).$cstNode, (b as AstNode).$cstNode, `${at}.$cstNode`);
    return undefined;
}

function cstDifference(a: CstNode | undefined, b: CstNode | undefined, at: string): string | undefined {
    if (!a || !b) return a === b ? undefined : `${at}: one missing`;
    const describe = (n: CstNode) => `${n.offset}+${n.length} hidden=${n.hidden} ${isLeafCstNode(n) ? n.tokenType.name : 'composite'} ${n.astNode.$type}`;
    if (describe(a) !== describe(b)) return `${at}: ${describe(a)} ≠ ${describe(b)}`;
    if (a.grammarSource !== b.grammarSource) return `${at}: another grammar element`;
    if (isCompositeCstNode(a) && isCompositeCstNode(b)) {
        if (a.content.length !== b.content.length) return `${at}: ${a.content.length} ≠ ${b.content.length} children`;
        for (let i = 0; i < a.content.length; i++) {
            const d = cstDifference(a.content[i], b.content[i], `${at}.content[${i}]`);
            if (d) return d;
        }
    }
    return undefined;
}

function both(text: string): { fast: ParseResult | undefined; full: ParseResult } {
    return { fast: parser.tryParse(text), full: parser.full().parse(text) };
}

describe('the fast path of the parser', () => {
    test('builds the same tree as Chevrotain for every sample, evaluated system and generated model', () => {
        const texts = [...CORPUS, ...EVAL, ...GENERATED];
        let refused = 0;
        for (const text of texts) {
            const { fast, full } = both(text);
            expect(full.parserErrors).toEqual([]);
            if (!fast) {
                refused++;
                continue;
            }
            expect(difference(fast.value, full.value), text.slice(0, 200)).toBeUndefined();
            expect(cstDifference(fast.value.$cstNode?.root, full.value.$cstNode?.root, 'root')).toBeUndefined();
        }
        // It is there for speed: valid text goes the fast way.
        expect(refused).toBe(0);
    });

    test('leaves a text with a syntax or lexer error to Chevrotain, whose errors the parser reports', () => {
        for (const text of ['service a {', 'service a -> b', 'architecture "x" { service a } service b', 'service a "unterminated', 'service ä']) {
            expect(parser.tryParse(text), text).toBeUndefined();
            const result = parser.parse(text);
            expect(result.parserErrors.length + result.lexerErrors.length, text).toBeGreaterThan(0);
        }
    });

    test('decides where a keyword is also a name as Chevrotain does, looking further ahead', () => {
        // `esb` and `view` are keywords and names: only the second or third token tells an
        // element from a relation, or a view from a relation from an element named `view`.
        for (const text of [
            'esb bus "Bus"\nservice a\nesb -> a : soap\n',
            'component view\nservice a\nview -> a\nview v "V" { include * }\n',
            'service api { auth jwt replicas 2 }\n',
            'flow f { a -> b "call" await; parallel { b -> c c -> d } optional d -> e }\n',
        ]) {
            const { fast, full } = both(text);
            expect(full.parserErrors, text).toEqual([]);
            expect(fast, text).toBeDefined();
            expect(difference(fast!.value, full.value), text).toBeUndefined();
        }
    });

    test('refuses where Chevrotain decides without what follows the rule, and reports its error', () => {
        // In a group, `external` then `api -> db` is a flag and a relation, but Chevrotain's
        // lookahead stops at the end of the property and reads `api` as its value: a syntax
        // error, which the fast path must not hide by parsing it the other way.
        const text = 'system s {\n  service api\n  database db\n  external\n  api -> db\n}\n';
        const { fast, full } = both(text);
        expect(fast).toBeUndefined();
        expect(full.parserErrors.length).toBeGreaterThan(0);
        expect(parser.parse(text).parserErrors.map(e => e.message)).toEqual(full.parserErrors.map(e => e.message));
    });

    test('on edited and random text, it takes exactly the texts Chevrotain parses without errors, and builds their trees', () => {
        let taken = 0;
        fc.assert(fc.property(fc.oneof(mutatedArch, tokenSoup), text => {
            const { fast, full } = both(text);
            const clean = full.parserErrors.length === 0 && full.lexerErrors.length === 0;
            expect(fast !== undefined, text).toBe(clean);
            if (!fast) return;
            taken++;
            expect(difference(fast.value, full.value)).toBeUndefined();
        }), { numRuns: 1500, seed: 7 });
        // About a third of these texts have no error (487 of 1,500 with this seed).
        expect(taken).toBeGreaterThan(300);
    });

    test('switches itself off for a grammar it does not handle, and parses a grammar it does as Chevrotain', async () => {
        const grammar = (body: string) => `grammar G\nentry Model: ${body};\nhidden terminal WS: /\\s+/;\nterminal ID: /[a-z]+/;\n`;
        const unordered = await createServicesForGrammar({ grammar: grammar("'a' name=ID & 'b' other=ID") });
        expect(new FastParser(unordered).tryParse('a x b y')).toBeUndefined();
        const empty = await createServicesForGrammar({ grammar: grammar("'a' ('c'? names+=ID?)* 'b'") });
        for (const text of ['a b', 'a x b', 'a c x b']) expect(new FastParser(empty).tryParse(text), text).toBeUndefined();
        const plain = await createServicesForGrammar({ grammar: grammar("'a' (names+=ID)* 'b'") });
        const fast = new FastParser(plain).tryParse('a x y b');
        expect(fast?.value).toMatchObject({ $type: 'Model', names: ['x', 'y'] });
        expect(difference(fast?.value, plain.parser.LangiumParser.parse('a x y b').value)).toBeUndefined();
    });

    test('links every node to its container where a rule call or an action takes over the node being built', async () => {
        // An unassigned rule call after assignments (the called rule's node takes over the
        // tags), an action that makes the node built so far a part of a new one, and a rule
        // that can read no token (then Langium assigns nothing).
        const grammar = [
            'grammar G',
            'entry Model: items+=Item*;',
            "Item: 'item' tags+=Tag* Named;",
            "Named: 'x' name=ID mark=Mark ({infer Pair.left=current} '+' right=Tag)?;",
            "Mark: {infer Mark} (bang?='!')?;",
            "Tag: '#' name=ID;",
            'hidden terminal WS: /\\s+/;',
            'terminal ID: /[a-z]+/;',
        ].join('\n');
        const own = await createServicesForGrammar({ grammar });
        const text = 'item #a #b x n ! item x m + #c';
        const fast = new FastParser(own).tryParse(text);
        expect(fast?.value).toMatchObject({ items: [{ $type: 'Named', name: 'n', mark: { bang: true }, tags: [{ name: 'a' }, { name: 'b' }] }, { $type: 'Pair', left: { name: 'm' }, right: { name: 'c' } }] });
        expect((fast?.value as unknown as { items: Array<{ left: object }> }).items[1].left).not.toHaveProperty('mark');
        expect(difference(fast?.value, own.parser.LangiumParser.parse(text).value)).toBeUndefined();
    });

    test('after a text with an error the parser goes straight to Chevrotain, until Chevrotain parses one without errors', () => {
        const own = createTestServices().Arch.parser.LangiumParser as ArchParser;
        const attempts = vi.spyOn(own, 'tryParse');
        const tried = (text: string) => {
            attempts.mockClear();
            const result = own.parse(text);
            return { fast: attempts.mock.calls.length > 0, errors: result.parserErrors.length };
        };
        expect(tried('service a')).toEqual({ fast: true, errors: 0 });
        expect(tried('service a {')).toEqual({ fast: true, errors: 1 });
        expect(tried('service a { replicas')).toEqual({ fast: false, errors: 1 });
        expect(tried('service a { replicas 2 }')).toEqual({ fast: false, errors: 0 });
        expect(tried('service a { replicas 3 }')).toEqual({ fast: true, errors: 0 });
    });
});
