import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { isArchElement, isGroup, isImport, isOwner, isProperty, isRelation, isTrigger } from '../../language-server/generated/ast.js';
import { ELEMENT_KINDS, GROUP_KINDS } from '../../language-server/src/model/kinds.js';
import { PROPERTIES } from '../../language-server/src/model/properties.js';
import { buildWorkspace, createTestServices } from '../helpers/services.js';
import { archBlocks, type DocBlock } from './doc-blocks.js';

/**
 * docs/language.md is the language reference: every example in it must say what it
 * claims (valid, or wrong in the way its comments say), and together the examples must
 * show every construct of the language.
 */

const DOC = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const BLOCKS = archBlocks(DOC);
const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

const services = createTestServices();
let documents: Map<DocBlock, LangiumDocument<Model>>;

// All blocks in one workspace, so that `file=` blocks are there for the blocks that import them.
beforeAll(async () => {
    const files = Object.fromEntries(BLOCKS.map(b => [b.file ?? `block-line-${b.line}.arch`, b.text]));
    const built = await buildWorkspace(services, files);
    documents = new Map(BLOCKS.map(b => [b, built[b.file ?? `block-line-${b.line}.arch`]]));
});

function diagnostics(block: DocBlock, severity: 'error' | 'warning') {
    return (documents.get(block)!.diagnostics ?? [])
        .filter(d => SEVERITIES[d.severity ?? 1] === severity)
        .map(d => ({ line: d.range.start.line, message: d.message }));
}

describe('docs/language.md examples', () => {
    test('the page has examples of each sort', () => {
        expect(BLOCKS.length).toBeGreaterThan(15);
        expect(BLOCKS.some(b => b.fragment)).toBe(true);
        expect(BLOCKS.some(b => b.file)).toBe(true);
        expect(BLOCKS.some(b => b.invalid)).toBe(true);
    });

    test.each(BLOCKS.filter(b => !b.invalid).map(b => [b.line, b] as const))('the example at line %i validates without errors', (_line, block) => {
        expect(diagnostics(block, 'error').map(d => `${d.line + 1}: ${d.message}`)).toEqual([]);
    });

    test.each(BLOCKS.filter(b => b.invalid).map(b => [b.line, b] as const))('the invalid example at line %i has errors', (_line, block) => {
        expect(diagnostics(block, 'error').length).toBeGreaterThan(0);
    });

    test.each(BLOCKS.filter(b => b.expected.length > 0).map(b => [b.line, b] as const))('the example at line %i reports what its comments say', (_line, block) => {
        for (const e of block.expected) {
            expect(diagnostics(block, e.severity), `${e.severity} on line ${e.line + 1}`)
                .toContainEqual({ line: e.line, message: expect.stringContaining(e.message) });
        }
    });

    test.each(BLOCKS.filter(b => b.text.includes('archsight-ignore')).map(b => [b.line, b] as const))('the suppressions in the example at line %i silence findings that are there without them', async (_line, block) => {
        const named = [...block.text.matchAll(/archsight-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g)].flatMap(m => m[1].split(/\s*,\s*/));
        const codes = (doc: LangiumDocument) => new Set((doc.diagnostics ?? []).map(d => String(d.code)));
        const unsuppressed = await buildWorkspace(services, { [`unsuppressed-${block.line}.arch`]: block.text.replaceAll('archsight-ignore', 'archsight-note') });
        const without = codes(unsuppressed[`unsuppressed-${block.line}.arch`]);
        // Each named rule fires without the comment and is silent with it.
        expect(named.filter(id => !without.has(id))).toEqual([]);
        expect(named.filter(id => codes(documents.get(block)!).has(id))).toEqual([]);
    });
});

describe('docs/language.md covers the language', () => {
    const used = () => {
        const nodes = [...documents.values()].flatMap(d => AstUtils.streamAst(d.parseResult.value).toArray());
        return {
            elementKinds: new Set(nodes.filter(isArchElement).map(n => n.kind)),
            groupKinds: new Set(nodes.filter(isGroup).map(n => n.kind)),
            properties: new Set(nodes.filter(isProperty).map(n => n.key)),
            arrows: new Set(nodes.filter(isRelation).map(n => n.arrow)),
            nestedSidecars: nodes.filter(isArchElement).some(n => n.sidecars.length > 0),
            triggers: nodes.some(isTrigger),
            owners: nodes.some(isOwner),
            imports: nodes.some(isImport),
            bareFiles: [...documents.values()].some(d => d.parseResult.value.title === undefined && d.parseResult.value.members.length > 0),
        };
    };

    test('an example for every element kind, group kind and property', () => {
        const u = used();
        expect([...u.elementKinds].sort()).toEqual(Object.keys(ELEMENT_KINDS).sort());
        expect([...u.groupKinds].sort()).toEqual(Object.keys(GROUP_KINDS).sort());
        expect([...u.properties].sort()).toEqual(Object.keys(PROPERTIES).sort());
    });

    test('an example for every arrow, trigger, owner, nested sidecar, import and file without architecture block', () => {
        const u = used();
        expect([...u.arrows].sort()).toEqual(['->', '..>', '~>']);
        expect(u).toMatchObject({ nestedSidecars: true, triggers: true, owners: true, imports: true, bareFiles: true });
    });

    test('every element kind, group kind and property has a row in the reference tables', () => {
        for (const name of [...Object.keys(ELEMENT_KINDS), ...Object.keys(GROUP_KINDS), ...Object.keys(PROPERTIES)]) {
            expect(DOC, name).toContain(`| \`${name}\` |`);
        }
    });
});
