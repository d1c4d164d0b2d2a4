import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { BlastRadiusCommandArgs } from '../../language-server/src/lsp/arch-code-lens-provider.js';
import { arch, createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

describe('blast radius code lens', () => {
    test('each element that takes others with it says what fails with it, and hands the list to the command', async () => {
        const doc = await services.parse(arch('  client web\n  service orders\n  database ordersDb\n  web -> orders\n  orders -> ordersDb'));
        const lenses = await services.Arch.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } });
        expect(lenses?.map(l => `${l.range.start.line + 1}:${l.range.start.character + 1} ${l.command?.title}`)).toEqual([
            '3:11 blast radius: 1 element (web)',
            '4:12 blast radius: 2 elements (orders, web)',
        ]);
        const db = lenses![1].command!;
        expect(db.command).toBe('archsight.showBlastRadius');
        const args = db.arguments![0] as BlastRadiusCommandArgs;
        expect(args.id).toBe('ordersDb');
        expect(args.elements.map(e => `${e.id} ${e.kind} ${e.range.start.line + 1}:${e.range.start.character + 1}`)).toEqual(['orders service 3:11', 'web client 2:10']);
    });

    test('the setting archsight.codeLens.blastRadius: false turns the lenses off', async () => {
        const doc = await services.parse(arch('  service orders\n  database ordersDb\n  orders -> ordersDb'));
        const lensesNow = () => services.Arch.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } });
        expect((await lensesNow())?.map(l => l.command?.title)).toEqual(['blast radius: 1 element (orders)']);
        const settings = services.shared.workspace.ConfigurationProvider;
        try {
            settings.updateConfiguration({ settings: { archsight: { codeLens: { blastRadius: false } } } });
            expect(await lensesNow()).toEqual([]);
        } finally {
            settings.updateConfiguration({ settings: { archsight: {} } });
        }
        expect(await lensesNow()).toHaveLength(1);
    });
});
