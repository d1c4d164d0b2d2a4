import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ElkThread } from '../../language-server/src/diagram/elk-thread.js';
import { registerLayoutWarmUp, WARM_UP_MAX_ELEMENTS } from '../../language-server/src/lsp/layout-warm-up.js';
import { arch, buildWorkspace, createTestServices } from '../helpers/services.js';

// The first preview of a file is laid out when the file is opened, before it is asked for.
const services = createTestServices();
registerLayoutWarmUp(services.shared);
afterEach(() => clearDocuments(services.shared));

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
    // The layout is asked for a few turns of the event loop after the file is linked.
    let layouts = 0;
    for (let i = 0; i < 100 && layouts === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        layouts = await thread().layoutsRun();
    }
    expect(layouts).toBe(1);
});
