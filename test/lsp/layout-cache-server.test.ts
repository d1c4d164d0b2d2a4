import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { DiagramRequest, type DiagramResponse, type ServerInitOptions } from '../../language-server/src/protocol.js';
import { LspClient, SERVER_BUNDLE } from '../helpers/lsp-client.js';

const SHOP = 'architecture "Shop" {\n  client web\n  service orders : go\n  database ordersDb\n  web -> orders\n  orders -> ordersDb\n}\n';
const folder = mkdtempSync(path.join(tmpdir(), 'archsight-server-cache-'));
const uri = pathToFileURL(path.join(folder, 'shop.arch')).toString();
const layouts = path.join(folder, 'storage', 'layouts');
let client: LspClient | undefined;

afterEach(async () => {
    if (client?.alive) await client.stop();
});

/** A fresh server, as the extension starts it, and the preview's first diagram of the shop. */
async function firstPreview(options: ServerInitOptions): Promise<string> {
    ({ client } = await LspClient.start(folder, [SERVER_BUNDLE, '--stdio'], options));
    await client.open(uri, SHOP);
    const diagram = await client.connection.sendRequest<DiagramResponse>(DiagramRequest.method, { uri, view: 'all', direction: 'DOWN', theme: 'vscode', legend: true, renderWhenStale: true });
    await client.stop();
    return diagram.diagram?.svg ?? diagram.error ?? '';
}

describe('the language server keeps layouts in the folder the extension names', () => {
    test('a new session draws the first preview from the stored layout', async () => {
        const first = await firstPreview({ layoutCache: layouts });
        expect(first).toContain('data-id="orders"');
        const stored = readdirSync(layouts).filter(f => f.endsWith('.json'));
        expect(stored.length).toBeGreaterThan(0);
        // Move every stored box 500 px to the right: a diagram drawn from the store shows it, one laid out anew would not.
        for (const file of stored) {
            const entry = JSON.parse(readFileSync(path.join(layouts, file), 'utf8'));
            for (const child of entry.layout.children ?? []) child.x += 500;
            writeFileSync(path.join(layouts, file), JSON.stringify(entry));
        }
        const second = await firstPreview({ layoutCache: layouts });
        expect(second).not.toBe(first);
        expect(second).toContain('data-id="orders"');
        // Without the option, nothing is read from it.
        expect(await firstPreview({})).toBe(first);
    }, 120_000);
});
