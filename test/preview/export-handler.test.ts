import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { exportText } from '../../language-server/src/lsp/export-handler.js';
import type { ExportParams } from '../../language-server/src/protocol.js';
import { arch, createTestServices } from '../helpers/services.js';

// "Export Diagram…" in Mermaid, draw.io and JSON: the server writes them from the open document.
const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const SHOP = arch(['system core {', '  service orders "Orders <main>"', '  database ordersDb', '}', 'orders -> ordersDb'].join('\n'));

function params(doc: LangiumDocument, format: ExportParams['format'], extra: Partial<ExportParams> = {}): ExportParams {
    return { uri: doc.uri.toString(), view: 'all', direction: 'RIGHT', theme: 'light', legend: true, format, ...extra };
}

describe('the export request', () => {
    test('writes Mermaid in the preview\'s direction, with groups as subgraphs and labels escaped', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        const { text, error } = await exportText(services.shared, params(doc, 'mermaid'));
        expect(error).toBeUndefined();
        expect(text).toMatch(/flowchart LR\n {2}subgraph n0\["core \[system\]"\]\n/);
        expect(text).not.toContain('<main>');
        expect((await exportText(services.shared, params(doc, 'mermaid', { direction: 'DOWN' }))).text).toContain('flowchart TB');
    });

    test('writes the view the preview shows when the file declares it, everything when it does not', async () => {
        const doc = await services.parse(arch('service web\nservice orders\ndatabase ordersDb\nweb -> orders\norders -> ordersDb\nview stores { include kind:database }'), { validation: true });
        const stores = (await exportText(services.shared, params(doc, 'mermaid', { named: 'stores' }))).text!;
        expect(stores).toContain('ordersDb');
        expect(stores).not.toMatch(/\bweb\b/);
        expect((await exportText(services.shared, params(doc, 'mermaid', { named: 'gone' }))).text).toMatch(/\bweb\b/);
    });

    test('writes draw.io XML and the model as JSON', async () => {
        const doc = await services.parse(SHOP, { validation: true });
        expect((await exportText(services.shared, params(doc, 'drawio'))).text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<mxfile host="archsight">/);
        expect(JSON.parse((await exportText(services.shared, params(doc, 'json'))).text!)).toMatchObject({ version: 1, relations: [{ source: 'orders', target: 'ordersDb' }] });
    });

    test('a file with syntax errors, an unknown format or an unknown file: an error, never a rejection', async () => {
        const broken = await services.parse(arch('service orders {'), { validation: true });
        expect(await exportText(services.shared, params(broken, 'mermaid'))).toEqual({ error: 'The file has syntax errors; fix them first.' });
        const doc = await services.parse(SHOP, { validation: true });
        expect(await exportText(services.shared, params(doc, 'pdf' as ExportParams['format']))).toEqual({ error: "Unknown export format 'pdf'." });
        expect(await exportText(services.shared, { ...params(doc, 'json'), uri: 'file:///nowhere.arch' })).toEqual({ error: 'The language server has not loaded this file.' });
    });
});
