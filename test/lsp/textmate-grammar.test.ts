import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';
import { ELEMENT_KINDS, GROUP_KINDS } from '../../language-server/src/model/kinds.js';
import { PROPERTIES } from '../../language-server/src/model/properties.js';

/**
 * The TextMate grammar run by the engine VS Code uses (vscode-textmate with the
 * Oniguruma regex library), on lines of `.arch` text.
 */

const ROOT = path.resolve(__dirname, '../..');
let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
            createOnigString: text => new oniguruma.OnigString(text),
        }),
        loadGrammar: async () => {
            const file = path.join(ROOT, 'extension/syntaxes/arch.tmLanguage.json');
            return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
        },
    });
    grammar = (await registry.loadGrammar('source.arch'))!;
});

/** Each non-blank token of the lines as `text: innermost scope`, the text trimmed. */
function scopes(...lines: string[]): string[] {
    let stack = vsctm.INITIAL;
    return lines.flatMap(line => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return result.tokens
            .filter(t => line.slice(t.startIndex, t.endIndex).trim() !== '')
            .map(t => `${line.slice(t.startIndex, t.endIndex).trim()}: ${t.scopes[t.scopes.length - 1]}`);
    });
}

describe('standard scopes that themes colour', () => {
    test('an element declaration with label, technology and a one-line body', () => {
        expect(scopes('  service orders "Order Service" : spring-boot { replicas 3 timeout 500ms exposure public breaker true }')).toEqual([
            'service: storage.type.element.arch',
            'orders: entity.name.type.arch',
            '": punctuation.definition.string.begin.arch',
            'Order Service: string.quoted.double.arch',
            '": punctuation.definition.string.end.arch',
            ':: punctuation.separator.technology.arch',
            'spring-boot: support.type.technology.arch',
            '{: punctuation.section.block.begin.arch',
            'replicas: support.type.property-name.arch',
            '3: constant.numeric.arch',
            'timeout: support.type.property-name.arch',
            '500ms: constant.numeric.arch',
            'exposure: support.type.property-name.arch',
            'public: support.constant.value.arch',
            'breaker: support.type.property-name.arch',
            'true: constant.language.boolean.arch',
            '}: punctuation.section.block.end.arch',
        ]);
    });

    test('relations: the ends are references, each arrow an operator of its own kind', () => {
        expect(scopes('  orders -> payments : grpc', '  orders ~> events', '  orders ..> prom : traces')).toEqual([
            'orders: variable.other.reference.arch',
            '->: keyword.operator.arrow.sync.arch',
            'payments: variable.other.reference.arch',
            ':: punctuation.separator.technology.arch',
            'grpc: support.type.technology.arch',
            'orders: variable.other.reference.arch',
            '~>: keyword.operator.arrow.async.arch',
            'events: variable.other.reference.arch',
            'orders: variable.other.reference.arch',
            '..>: keyword.operator.arrow.observe.arch',
            'prom: variable.other.reference.arch',
            ':: punctuation.separator.technology.arch',
            'traces: support.type.technology.arch',
        ]);
    });

    test('groups, functions and triggers', () => {
        expect(scopes('mesh m { control-plane cp {', '  function resize { trigger images }')).toEqual([
            'mesh: keyword.control.group.arch',
            'm: entity.name.namespace.arch',
            '{: punctuation.section.block.begin.arch',
            'control-plane: keyword.control.group.arch',
            'cp: entity.name.namespace.arch',
            '{: punctuation.section.block.begin.arch',
            'function: storage.type.element.arch',
            'resize: entity.name.function.arch',
            '{: punctuation.section.block.begin.arch',
            'trigger: keyword.other.arch',
            'images: variable.other.reference.arch',
            '}: punctuation.section.block.end.arch',
        ]);
    });

    test('a kind word used as an id is an id', () => {
        expect(scopes('  service timer', '  metrics -> logs')).toEqual([
            'service: storage.type.element.arch',
            'timer: entity.name.type.arch',
            'metrics: variable.other.reference.arch',
            '->: keyword.operator.arrow.sync.arch',
            'logs: variable.other.reference.arch',
        ]);
    });

    test('imports, the architecture block and comments, with suppressions inside them', () => {
        expect(scopes('import "common.arch"', 'architecture "Shop" { // archsight-ignore shared-database', '/* a', '   b */')).toEqual([
            'import: keyword.control.import.arch',
            '": punctuation.definition.string.begin.arch',
            'common.arch: string.quoted.double.arch',
            '": punctuation.definition.string.end.arch',
            'architecture: keyword.other.architecture.arch',
            '": punctuation.definition.string.begin.arch',
            'Shop: string.quoted.double.arch',
            '": punctuation.definition.string.end.arch',
            '{: punctuation.section.block.begin.arch',
            '//: punctuation.definition.comment.arch',
            'archsight-ignore: keyword.other.directive.ignore.arch',
            'shared-database: entity.name.tag.rule-id.arch',
            '/*: punctuation.definition.comment.begin.arch',
            'a: comment.block.arch',
            'b: comment.block.arch',
            '*/: punctuation.definition.comment.end.arch',
        ]);
    });
});

describe('the grammar knows the whole language', () => {
    test.each(Object.keys(ELEMENT_KINDS))('element kind %s', kind => {
        expect(scopes(`  ${kind} thing`)[0]).toBe(`${kind}: storage.type.element.arch`);
    });

    test.each(Object.keys(GROUP_KINDS))('group kind %s', kind => {
        expect(scopes(`  ${kind} thing {`)[0]).toBe(`${kind}: keyword.control.group.arch`);
    });

    test.each(Object.keys(PROPERTIES))('property %s', key => {
        expect(scopes(`{ ${key} }`)[1]).toBe(`${key}: support.type.property-name.arch`);
    });

    test('every word of every sample gets a scope', () => {
        const samples = path.join(ROOT, 'samples');
        const files = (readdirSync(samples, { recursive: true }) as string[]).filter(f => f.endsWith('.arch'));
        expect(files.length).toBeGreaterThan(0);
        const bare = files.flatMap(file => scopes(...readFileSync(path.join(samples, file), 'utf8').split('\n'))
            .filter(token => token.endsWith(': source.arch'))
            .map(token => `${file}: ${token}`));
        expect(bare).toEqual([]);
    });
});
