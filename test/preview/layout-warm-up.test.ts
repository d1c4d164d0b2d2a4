import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ElkThread } from '../../language-server/src/diagram/elk-thread.js';
import { DiagramHandler } from '../../language-server/src/lsp/diagram-handler.js';
import { registerLayoutWarmUp, WARM_UP_MAX_ELEMENTS } from '../../language-server/src/lsp/layout-warm-up.js';
import { FIRST_PREVIEW, type DiagramParams } from '../../language-server/src/protocol.js';
import { arch, buildWorkspace, createTestServices } from '../helpers/services.js';

// The first preview of a file is laid out when the file is opened, before it is asked for.
const services = createTestServices();
const paneHint = registerLayoutWarmUp(services.shared);
afterEach(() => {
    paneHint.usePane(undefined);
    clearDocuments(services.shared);
});

const SHOP = arch('  client web\n  service orders\n  database ordersDb\n  web -> orders\n  orders -> ordersDb');
const thread = () => services.Arch.layout.ElkFactory() as ElkThread;

/** Opens `text` in the (simulated) editor, then lets the workspace build it. */
async function openAndBuild(path: string, text: string): Promise<void> {
    services.shared.workspace.TextDocuments!.set(TextDocument.create(URI.file(`/ws/${path}`).toString(), 'arch', 1, text));
    await buildWorkspace(services, { [path]: text });
}

test('a file that is not open in the editor, or too large, is not laid out ahead', async () => {
    await buildWorkspace(services, { 'closed.arch': SHOP });
    const big = arch(Array.from({ length: WARM_UP_MAX_ELEMENTS + 1 }, (_, i) => `  service s${i}`).join('\n'));
    await openAndBuild('big.arch', big);
    // Longer than the opened file below takes to reach the thread.
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(await thread().layoutsRun()).toBe(0);
});

test('opening a file lays out its first preview in the layout thread', async () => {
    await openAndBuild('shop.arch', SHOP);
    // The layout is asked for a few turns of the event loop after the file is linked (the
    // thread may still be loading ELK: up to 10 s on a loaded machine).
    let layouts = 0;
    for (let i = 0; i < 500 && layouts === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        layouts = await thread().layoutsRun();
    }
    expect(layouts).toBe(1);
});

/**
 * Waits until the layout thread has run layouts and then stays idle, nothing asked of it and
 * no layout done, for three polls in a row (a layout on a loaded machine can take longer than
 * one poll, and the next level is asked for only after the last one is measured); returns how
 * many layouts it ran.
 */
async function settledLayouts(): Promise<number> {
    let last = -1;
    let quiet = 0;
    for (let i = 0; i < 150; i++) {
        await new Promise(resolve => setTimeout(resolve, 150));
        const now = await thread().layoutsRun();
        quiet = now > 0 && now === last && thread().waiting === 0 ? quiet + 1 : 0;
        if (quiet === 3) return now;
        last = now;
    }
    throw new Error('The layout thread never settled.');
}

/** A sample whose side-pane preview draws some groups closed: it tries levels of detail. */
const MICROSERVICES = readFileSync(path.resolve(__dirname, '../../samples/microservices.arch'), 'utf8');
/** The pane a side pane reports in a 1920 × 1200 window (bench/first-preview.mjs). */
const SIDE_PANE = { width: 754, height: 978 };
/** What the preview asks for first, in that pane (preview-panel.ts). */
const firstRequest = (file: string): DiagramParams => ({
    uri: URI.file(`/ws/${file}`).toString(), ...FIRST_PREVIEW, theme: 'vscode', pane: SIDE_PANE, level: 'auto', chooseDirection: true, zoomable: true,
});

test('with the pane of the last preview, opening a file lays out every layout its preview then needs', async () => {
    paneHint.usePane(SIDE_PANE);
    await openAndBuild('micro.arch', MICROSERVICES);
    const ahead = await settledLayouts();
    const answer = await new DiagramHandler(services.shared).handle(firstRequest('micro.arch'));
    expect(answer.diagram?.svg).toContain('<svg');
    expect(await thread().layoutsRun()).toBe(ahead);
});

test('without a pane, the preview of such a file lays out what the view drawn whole did not', async () => {
    // Other ids, so that no layout of the test before is found in the cache.
    await openAndBuild('micro2.arch', MICROSERVICES.replace(/\bapiGateway\b/g, 'edgeGateway'));
    const ahead = await settledLayouts();
    const answer = await new DiagramHandler(services.shared).handle(firstRequest('micro2.arch'));
    expect(answer.diagram?.svg).toContain('<svg');
    expect(await thread().layoutsRun()).toBeGreaterThan(ahead);
});
