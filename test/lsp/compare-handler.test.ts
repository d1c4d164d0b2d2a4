import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { compare } from '../../language-server/src/lsp/compare-handler.js';
import { compareHtml } from '../../extension/src/compare/compare-html.js';
import { createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const COMMITTED = `architecture "Shop" {
  service orders "Order Service" : go
  service payments "Payment Service" : java
  database ordersDb
  orders -> payments : grpc { timeout 1s }
  orders -> ordersDb
}
`;
let dir: string;
let file: string;

beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'archsight-compare-'));
    file = path.join(dir, 'shop.arch');
    writeFileSync(file, COMMITTED);
    writeFileSync(path.join(dir, 'other.arch'), COMMITTED.replace('  database ordersDb\n', '').replace('  orders -> ordersDb\n', ''));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    execFileSync('git', ['add', '.'], { cwd: dir, env });
    execFileSync('git', ['commit', '-q', '-m', 'shop'], { cwd: dir, env });
});

/** The document as the editor holds it: unsaved edits, not what is on disk. */
async function open(text: string) {
    const doc = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(file));
    services.shared.workspace.LangiumDocuments.addDocument(doc);
    await services.shared.workspace.DocumentBuilder.build([doc], { validation: true });
    return doc;
}

describe('archsight/compare', () => {
    test('the edited document against HEAD: the changes, the new finding and the marked diagram', async () => {
        await open(COMMITTED.replace('service payments "Payment Service" : java', 'service billing "Payment Service" : java').replace('orders -> payments : grpc { timeout 1s }', 'orders -> billing : grpc { timeout none }'));
        const answer = await compare(services.shared, { uri: URI.file(file).toString(), against: { kind: 'revision', revision: 'HEAD' } });
        expect(answer.error).toBeUndefined();
        expect(answer.title).toBe('shop.arch ↔ HEAD');
        expect(answer.changes!.map(c => `${c.id} ${c.changes.join('+')}`)).toEqual(['billing renamed', 'orders->billing changed']);
        expect(answer.introduced!.map(f => f.rule)).toEqual(['missing-timeout']);
        expect(answer.svg).toContain('class="node kind-service tier-compute change-changed" data-id="billing"');
        expect(answer.svg).toContain('legend-change');
        // The reveal goes to the editor's file.
        expect(answer.changes![0].place).toMatchObject({ file: 'shop.arch', line: 3, uri: URI.file(file).toString() });
    });

    test('a removed item of a revision points at no document: it is in no file the editor can open', async () => {
        await open(COMMITTED.replace('  orders -> ordersDb\n', ''));
        const answer = await compare(services.shared, { uri: URI.file(file).toString(), against: { kind: 'revision', revision: 'HEAD' } });
        expect(answer.changes!.map(c => `${c.id} ${c.changes.join('+')} ${c.place.file}:${c.place.line} '${c.place.uri}'`)).toEqual(["orders->ordersDb removed shop.arch:6 ''"]);
        expect(answer.svg).toContain('data-id="removed:orders-&gt;ordersDb"');
    });

    test('against another file, and errors as answers', async () => {
        await open(COMMITTED);
        const other = await compare(services.shared, { uri: URI.file(file).toString(), against: { kind: 'file', uri: URI.file(path.join(dir, 'other.arch')).toString() } });
        expect(other.changes!.map(c => `${c.id} ${c.changes.join('+')}`)).toEqual(['ordersDb added', 'orders->ordersDb added']);
        const bad = await compare(services.shared, { uri: URI.file(file).toString(), against: { kind: 'revision', revision: 'no-such' } });
        expect(bad).toEqual({ title: 'shop.arch ↔ no-such', error: "'no-such' is not a git revision." });
    });

    test('the compare page escapes what the files hold and runs only its own script', () => {
        const html = compareHtml({ cspSource: 'vscode-resource:', nonce: 'abc', styleUri: 'style.css' }, {
            title: '<img src=x onerror=alert(1)>', summary: '1 added',
            svg: '<svg></svg>',
            changes: [{ type: 'element', id: 'x', changes: ['added'], kind: 'service', label: '<script>', properties: [{ name: 'technology', after: '<b>' }], place: { file: 'a.arch', line: 1, uri: 'file:///a.arch' } }],
        });
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<b>');
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).toContain('<script nonce="abc">');
        expect(html).toContain('script-src &#39;nonce-abc&#39;');
        expect(html).toContain('data-index="0"');
    });
});
