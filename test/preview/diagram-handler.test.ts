import type { LangiumDocument } from 'langium';
import { Cancellation, DocumentState, setInterruptionPeriod, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiagramParams } from '../../language-server/src/protocol.js';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import { arch, createTestServices } from '../helpers/services.js';

const services = createTestServices();
const handler = new DiagramHandler(services.shared);
afterEach(() => clearDocuments(services.shared));

const SHOP = arch([
    'client web "Web Shop" : browser',
    'gateway edge "API Gateway" : kong',
    'service orders "Order Service" : go',
    'database ordersDb : postgres',
    'bus events : kafka',
    'web -> edge : https',
    'edge -> orders : rest { timeout 2s }',
    'orders -> ordersDb',
    'orders ~> events "OrderPlaced"',
].join('\n'));

function params(doc: LangiumDocument, extra: Partial<DiagramParams> = {}): DiagramParams {
    return { uri: doc.uri.toString(), view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false, ...extra };
}

/** The data-id of every node and edge drawn, by the class of its group. */
function drawnIds(svg: string, cls: 'node' | 'edge' | 'group'): string[] {
    return [...svg.matchAll(new RegExp(`<g class="${cls}\\b[^"]*" data-id="([^"]*)"`, 'g'))].map(m => unescapeXml(m[1])).sort();
}

function unescapeXml(text: string): string {
    return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

describe('the diagram request', () => {
    test('answers with an SVG that draws every element and relation, and where each is declared', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const response = await handler.handle(params(doc));
        expect(response.error).toBeUndefined();
        expect(response.stale).toBeUndefined();
        const diagram = response.diagram!;
        expect(drawnIds(diagram.svg, 'node')).toEqual(['edge', 'events', 'orders', 'ordersDb', 'web']);
        expect(drawnIds(diagram.svg, 'edge')).toEqual(['edge->orders', 'orders->ordersDb', 'orders~>events', 'web->edge']);
        const orders = diagram.items.find(item => item.id === 'orders');
        expect(orders).toMatchObject({ type: 'element', uri: doc.uri.toString(), range: { start: { line: 3, character: 8 } } });
        expect(response.version).toBe(doc.textDocument.version);
    });

    test('starts the layout once the document is linked, while it is validated, and draws with that layout', async () => {
        const generator = services.Arch.diagram.DiagramGenerator;
        const { DocumentBuilder, LangiumDocumentFactory, LangiumDocuments } = services.shared.workspace;
        const doc = LangiumDocumentFactory.fromString(arch('service lonely "Only here"\nservice other\nlonely -> other : grpc "checks"'), URI.parse('file:///prefetch.arch'));
        LangiumDocuments.addDocument(doc);
        const before = generator.cachedLayouts;
        let layoutsWhenValidated: number | undefined;
        const listening = DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            layoutsWhenValidated = generator.cachedLayouts;
        });
        // Validation yields between its checks, as it does in the server, at every chance here.
        setInterruptionPeriod(0);
        try {
            const building = DocumentBuilder.build([doc], { validation: true }, new Cancellation.CancellationTokenSource().token);
            const response = await handler.handle(params(doc));
            await building;
            expect(layoutsWhenValidated).toBe(before + 1);
            expect(drawnIds(response.diagram!.svg, 'node')).toEqual(['lonely', 'other']);
            // Drawn with the layout started early, not a second one.
            expect(generator.cachedLayouts).toBe(before + 1);
        } finally {
            setInterruptionPeriod(10);
            listening.dispose();
        }
    });

    test('carries the findings of the document by element, and the SVG marks them', async () => {
        const doc = await services.parse(arch('service orders\ndatabase db\norders ..> db'), { validation: true });
        const response = await handler.handle(params(doc));
        expect(response.findings?.['orders..>db']).toContainEqual(expect.objectContaining({ severity: 'error', code: 'relation-ends' }));
        expect(response.diagram?.svg).toMatch(/<g class="edge [^"]*finding-error[^"]*" data-id="orders\.\.&gt;db"/);
    });

    test('a document with a syntax error is stale: no diagram, and a message that says where', async () => {
        const doc = await services.parse(arch('service orders\nservice payments {\norders -> payments'), { validation: true });
        const response = await handler.handle(params(doc));
        expect(response.stale).toBe(true);
        expect(response.diagram).toBeUndefined();
        expect(response.message).toMatch(/^The file has (a syntax error|\d+ syntax errors)/);
    });

    test('with nothing to keep, the preview may ask for what parsed', async () => {
        const doc = await services.parse(arch('service orders\nservice payments\norders -> payments {'), { validation: true });
        const response = await handler.handle(params(doc, { renderWhenStale: true }));
        expect(response.stale).toBe(true);
        expect(drawnIds(response.diagram!.svg, 'node')).toEqual(['orders', 'payments']);
    });

    test('the view and focus of the request are drawn', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const calls = await handler.handle(params(doc, { view: 'calls' }));
        expect(drawnIds(calls.diagram!.svg, 'edge')).not.toContain('orders~>events');
        const focused = await handler.handle(params(doc, { focus: 'ordersDb' }));
        expect(drawnIds(focused.diagram!.svg, 'node')).toEqual(['orders', 'ordersDb']);
    });

    test('the preview opens on what the cursor is at: the element declared there is the subject, kept open; elsewhere, the group the view is about', async () => {
        const doc = await services.parse(arch([
            'system shop "Shop" {',
            '  service orders',
            '  service payments',
            '}',
            'stack obs "Observability" {',
            '  metrics prom',
            '}',
            'orders -> payments',
            'orders ..> prom',
        ].join('\n')), { validation: true });
        const preview = { pane: { width: 150, height: 150 }, level: 'auto', zoomable: true } as const;
        const atProm = await handler.handle(params(doc, { ...preview, cursor: { line: 6, character: 4 } }));
        expect(atProm.diagram?.subject).toBe('prom');
        expect(drawnIds(atProm.diagram!.svg, 'node')).toContain('prom');
        const outside = await handler.handle(params(doc, { ...preview, cursor: { line: 9, character: 0 } }));
        expect(outside.diagram?.subject).toBe('shop');
        const hinted = await handler.handle(params(doc, { ...preview, hint: 'obs' }));
        expect(hinted.diagram?.subject).toBe('obs');
    });

    test('an export gets a self-contained SVG with its stylesheet', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const response = await handler.handle(params(doc, { theme: 'dark' }));
        expect(response.diagram?.svg).toContain('<style>');
    });

    test('an unknown document is an error in the answer, not a rejection', async () => {
        const response = await handler.handle({ uri: 'file:///nowhere/missing.arch', view: 'all', direction: 'RIGHT', theme: 'vscode', legend: false });
        expect(response.error).toMatch(/has not loaded this file/);
        expect(response.diagram).toBeUndefined();
    });

    test('a document deleted while its drawing waits for its build gets an answer', async () => {
        const { LangiumDocumentFactory, LangiumDocuments } = services.shared.workspace;
        const doc = LangiumDocumentFactory.fromString(arch('service soon "Deleted soon"'), URI.parse('file:///deleted-while-waiting.arch'));
        LangiumDocuments.addDocument(doc);
        // An update cancelled before it built anything: the request waits for a build, and then the document is gone.
        const cancelled = new Cancellation.CancellationTokenSource();
        cancelled.cancel();
        await services.shared.workspace.DocumentBuilder.update([doc.uri], [], cancelled.token).catch(() => undefined);
        const answer = handler.handle(params(doc));
        await new Promise(resolve => setTimeout(resolve, 50));
        LangiumDocuments.deleteDocument(doc.uri);
        const response = await answer;
        expect(response.error).toBe('The language server has not loaded this file.');
    });

    test('a theme, direction or view outside the allowed values is refused, whoever sends it', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const bad: Array<[Record<string, unknown>, string]> = [
            [{ theme: '"><script>alert(1)</script>' }, 'Unknown theme; use one of vscode, light, dark.'],
            [{ direction: 'LEFT" onload="x' }, 'Unknown direction; use one of RIGHT, DOWN.'],
            [{ view: 'toString' }, 'Unknown view; use one of all, calls, messaging, observability.'],
            [{ legend: 'yes' }, 'legend must be true or false.'],
            [{ focus: { id: 'orders' } }, 'focus must be the id of an element or group.'],
        ];
        for (const [extra, error] of bad) {
            const response = await handler.handle({ ...params(doc), ...extra } as unknown as DiagramParams);
            expect(response).toEqual({ uri: doc.uri.toString(), error });
        }
    });

    test('a newer request for the same document supersedes one still waiting', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const first = handler.handle(params(doc));
        const second = handler.handle(params(doc));
        expect(await first).toEqual({ uri: doc.uri.toString(), superseded: true });
        expect((await second).diagram).toBeDefined();
    });

    test('requests for different themes do not supersede each other', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const [preview, exported] = await Promise.all([handler.handle(params(doc)), handler.handle(params(doc, { theme: 'light' }))]);
        expect(preview.diagram).toBeDefined();
        expect(exported.diagram).toBeDefined();
    });

    test('a cancelled request answers that it was superseded', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        expect(await handler.handle(params(doc), source.token)).toEqual({ uri: doc.uri.toString(), superseded: true });
    });
});

describe('blast radius in the answer', () => {
    test('each element lists what fails with it: unguarded synchronous callers, not message consumers', async () => {
        const doc = await services.parse(arch([
            'service a', 'service b', 'service c', 'database db', 'bus events',
            'a -> b { timeout 1s }', 'b -> db { timeout 1s }', 'c -> b { timeout 1s breaker }', 'b ~> events',
        ].join('\n')), { validation: true });
        const response = await handler.handle(params(doc));
        expect(response.blastRadius?.db).toEqual(['b', 'a']);
        expect(response.blastRadius?.b).toEqual(['a']);
        expect(response.blastRadius?.events).toBeUndefined();
    });
});
