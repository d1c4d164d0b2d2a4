import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import { checkDiagramParams } from '../../language-server/src/lsp/diagram-params.js';
import type { DiagramParams } from '../../language-server/src/protocol.js';
import { createTestServices } from '../helpers/services.js';

const services = createTestServices();
const handler = new DiagramHandler(services.shared);
afterEach(() => clearDocuments(services.shared));

const COMMITTED = `architecture "Shop" {
  service orders "Order Service" : go
  service payments "Payment Service" : java
  database ordersDb
  orders -> payments : grpc { timeout 1s }
  orders -> ordersDb
}
`;
let repo: string;
let outside: string;
const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'archsight-since-head-'));
    writeFileSync(path.join(repo, 'shop.arch'), COMMITTED);
    execFileSync('git', ['init', '-q'], { cwd: repo, env });
    execFileSync('git', ['add', '.'], { cwd: repo, env });
    execFileSync('git', ['commit', '-q', '-m', 'shop'], { cwd: repo, env });
    outside = mkdtempSync(path.join(tmpdir(), 'archsight-no-git-'));
    mkdirSync(outside, { recursive: true });
});

/** The document as the editor holds it (unsaved edits), drawn by the preview's request. */
async function draw(file: string, text: string, extra: Partial<DiagramParams> = {}) {
    const { LangiumDocumentFactory, LangiumDocuments } = services.shared.workspace;
    if (LangiumDocuments.hasDocument(URI.file(file))) LangiumDocuments.deleteDocument(URI.file(file));
    const doc = LangiumDocumentFactory.fromString<Model>(text, URI.file(file));
    LangiumDocuments.addDocument(doc);
    await services.shared.workspace.DocumentBuilder.build([doc], { validation: true });
    return handler.handle({ uri: doc.uri.toString(), view: 'all', direction: 'RIGHT', theme: 'vscode', legend: true, ...extra });
}

/** `id change` of every node and edge marked on the drawing. */
function marks(svg: string): string[] {
    return [...svg.matchAll(/<g class="(?:node|edge|group)\b[^"]*\bchange-(added|removed|changed)\b[^"]*" data-id="([^"]*)"/g)]
        .map(m => `${m[2].replace(/&gt;/g, '>')} ${m[1]}`).sort();
}

describe('the preview with changes since HEAD', () => {
    test('marks what the unsaved edits added, removed and changed, as archsight diff does, and sums them up', async () => {
        const edited = COMMITTED
            .replace('service payments "Payment Service" : java', 'service payments "Payment Service" : kotlin')
            .replace('  orders -> ordersDb\n', '  cache sessions : redis\n  orders -> sessions { timeout 50ms }\n');
        const response = await draw(path.join(repo, 'shop.arch'), edited, { changesSince: 'HEAD' });
        expect(response.error).toBeUndefined();
        expect(marks(response.diagram!.svg)).toEqual(['orders->sessions added', 'payments changed', 'removed:orders->ordersDb removed', 'sessions added']);
        expect(response.diagram!.svg).toContain('legend-change');
        expect(response.changes).toEqual({ summary: expect.stringMatching(/^Changes since HEAD: 2 added, 1 removed, 1 changed; findings: /) });
        // A removed relation is declared in HEAD, not in the document: nothing to reveal.
        expect(response.diagram!.items.map(i => i.id)).not.toContain('removed:orders->ordersDb');
        expect(response.diagram!.items.map(i => i.id)).toContain('sessions');
    });

    test('follows the edits: the next version is compared again; unchanged, nothing is marked', async () => {
        const first = await draw(path.join(repo, 'shop.arch'), COMMITTED.replace('  database ordersDb\n', '  database ordersDb\n  bus events : kafka\n'), { changesSince: 'HEAD' });
        expect(marks(first.diagram!.svg)).toEqual(['events added']);
        const same = await draw(path.join(repo, 'shop.arch'), COMMITTED, { changesSince: 'HEAD' });
        expect(marks(same.diagram!.svg)).toEqual([]);
        expect(same.changes?.summary).toMatch(/^Changes since HEAD: no changes to the architecture/);
    });

    test('switched off, the preview draws the document without marks', async () => {
        const response = await draw(path.join(repo, 'shop.arch'), COMMITTED.replace('  orders -> ordersDb\n', ''));
        expect(marks(response.diagram!.svg)).toEqual([]);
        expect(response.changes).toBeUndefined();
    });

    test('a file that is new since HEAD, or not in git, gets a notice and its diagram unmarked', async () => {
        const added = await draw(path.join(repo, 'new.arch'), COMMITTED, { changesSince: 'HEAD' });
        expect(added.changes).toEqual({ notice: "'new.arch' is new: it is not in HEAD, so everything in it is a change." });
        expect(marks(added.diagram!.svg)).toEqual([]);
        const loose = await draw(path.join(outside, 'loose.arch'), COMMITTED, { changesSince: 'HEAD' });
        expect(loose.changes).toEqual({ notice: "'loose.arch' is not in a git repository: there is no HEAD to compare with." });
        expect(loose.diagram!.items.length).toBeGreaterThan(0);
    });

    test('only a revision name gets as far as git', () => {
        const base: DiagramParams = { uri: 'file:///a.arch', view: 'all', direction: 'RIGHT', theme: 'vscode', legend: true };
        expect(checkDiagramParams({ ...base, changesSince: 'HEAD' })).toBeUndefined();
        expect(checkDiagramParams({ ...base, changesSince: 'main~2' })).toBeUndefined();
        expect(checkDiagramParams({ ...base, changesSince: '--output=/tmp/x' })).toBe('changesSince must name a git revision, such as HEAD.');
        expect(checkDiagramParams({ ...base, changesSince: 'a b' })).toBe('changesSince must name a git revision, such as HEAD.');
    });
});
