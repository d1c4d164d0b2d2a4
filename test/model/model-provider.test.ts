import type { LangiumDocument } from 'langium';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { createArchServices } from '../../language-server/src/arch-module.js';
import type { ArchDocumentBuilder } from '../../language-server/src/workspace/arch-document-builder.js';

// Files served from memory, so that an edit can go through the document builder's update
// as it does in the language server.
const texts = new Map<string, string>();
const fileSystemProvider = () => ({
    ...EmptyFileSystem.fileSystemProvider(),
    readFile: async (uri: URI) => texts.get(uri.toString()) ?? '',
    readFileSync: (uri: URI) => texts.get(uri.toString()) ?? '',
});
const { shared, Arch } = createArchServices({ fileSystemProvider } as typeof EmptyFileSystem);
afterEach(async () => {
    await clearDocuments(shared);
    texts.clear();
});

const uriOf = (name: string) => URI.file(`/ws/${name}`);

async function workspace(files: Record<string, string>, validation = true): Promise<void> {
    const documents = Object.entries(files).map(([name, text]) => {
        texts.set(uriOf(name).toString(), text);
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation });
}

async function edit(name: string, text: string): Promise<void> {
    texts.set(uriOf(name).toString(), text);
    await shared.workspace.DocumentBuilder.update([uriOf(name)], []);
}

function modelOf(name: string) {
    const document = shared.workspace.LangiumDocuments.getDocument(uriOf(name)) as LangiumDocument<Model>;
    return Arch.model.ModelProvider.getModel(document);
}

const SHOP = {
    'infra.arch': 'gateway edge\nmetrics prom',
    'orders.arch': 'import "./infra.arch"\nservice orders\nedge -> orders\norders ..> prom',
    'main.arch': 'import "./orders.arch"\narchitecture "Shop" {\n  service shipping\n  orders -> shipping\n}',
    'other.arch': 'service unrelated',
};

describe('model provider', () => {
    test('an edit keeps the model of every file whose imports did not change, instance and all', async () => {
        await workspace(SHOP);
        const before = { infra: modelOf('infra.arch'), orders: modelOf('orders.arch'), main: modelOf('main.arch') };
        await edit('other.arch', 'service unrelated "Renamed"');
        expect(modelOf('infra.arch')).toBe(before.infra);
        expect(modelOf('orders.arch')).toBe(before.orders);
        expect(modelOf('main.arch')).toBe(before.main);
    });

    test('an edit gives the edited file and every file that imports it a new model with the change', async () => {
        await workspace(SHOP);
        const before = { infra: modelOf('infra.arch'), orders: modelOf('orders.arch'), main: modelOf('main.arch') };
        await edit('orders.arch', 'import "./infra.arch"\nservice orders "Orders" : go\nedge -> orders\norders ..> prom');
        expect(modelOf('infra.arch')).toBe(before.infra);
        for (const name of ['orders.arch', 'main.arch'] as const) {
            const model = modelOf(name);
            expect(model).not.toBe(before[name === 'orders.arch' ? 'orders' : 'main']);
            expect(model.elements.get('orders')).toMatchObject({ label: 'Orders', technology: 'go' });
        }
        expect(modelOf('main.arch').relations.map(r => r.id)).toEqual(['edge->orders', 'orders..>prom', 'orders->shipping']);
    });

    test('a relation follows its end when the imported file that declares it changes', async () => {
        await workspace(SHOP);
        expect(modelOf('orders.arch').relations.map(r => r.id)).toEqual(['edge->orders', 'orders..>prom']);
        // The gateway goes: the relation in orders.arch no longer resolves, though that file is unchanged.
        await edit('infra.arch', 'metrics prom');
        expect(modelOf('orders.arch').relations.map(r => r.id)).toEqual(['orders..>prom']);
        await edit('infra.arch', 'gateway edge\nmetrics prom');
        expect(modelOf('orders.arch').relations.map(r => r.id)).toEqual(['edge->orders', 'orders..>prom']);
    });

    test('a relation whose end no longer resolves in its own file is left out, even where a file importing it declares that id', async () => {
        await workspace({
            'infra.arch': 'gateway edge',
            'orders.arch': 'import "./infra.arch"\nservice orders\nedge -> orders',
            'main.arch': 'import "./orders.arch"\ngateway edge2',
        });
        expect(modelOf('main.arch').relations.map(r => r.id)).toEqual(['edge->orders']);
        // main.arch now declares the gateway itself, but orders.arch cannot see it there.
        await edit('main.arch', 'import "./orders.arch"\ngateway edge');
        await edit('infra.arch', 'service other');
        expect([...modelOf('main.arch').elements.keys()]).toEqual(['other', 'orders', 'edge']);
        expect(modelOf('main.arch').relations).toEqual([]);
    });

    test('a duplicate id across files is reported in the importing file, whichever file changed last', async () => {
        await workspace({ 'a.arch': 'service orders', 'b.arch': 'import "./a.arch"\nservice payments' });
        await edit('b.arch', 'import "./a.arch"\nservice orders');
        const problems = modelOf('b.arch').problems.map(p => `${p.uri.split('/').pop()} ${p.code}: ${p.message}`);
        expect(problems).toEqual(["b.arch duplicate-id: Duplicate id 'orders': it is already declared at a.arch:1. Ids must be unique across an architecture and the files it imports."]);
        expect(modelOf('a.arch').problems).toEqual([]);
    });

    test('a file that imports the edited one, without referring to anything in it, gets its diagnostics anew', async () => {
        await workspace({ 'a.arch': 'service payments', 'b.arch': 'import "./a.arch"\nservice orders' });
        const codesOf = (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name))!.diagnostics!.map(d => d.code);
        expect(codesOf('b.arch')).not.toContain('duplicate-id');
        await edit('a.arch', 'service orders');
        expect(codesOf('b.arch')).toContain('duplicate-id');
        await edit('a.arch', 'service payments');
        expect(codesOf('b.arch')).not.toContain('duplicate-id');
    });

    test('so does a file that imports it through another file', async () => {
        await workspace({ 'a.arch': 'service payments', 'b.arch': 'import "./a.arch"\nservice billing', 'c.arch': 'import "./b.arch"\nservice orders' });
        const codesOf = (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name))!.diagnostics!.map(d => d.code);
        await edit('a.arch', 'service orders');
        expect(codesOf('c.arch')).toContain('duplicate-id');
        expect(codesOf('b.arch')).not.toContain('duplicate-id');
    });

    test('a file whose import is deleted says so at once', async () => {
        await workspace({ 'a.arch': 'service payments', 'b.arch': 'import "./a.arch"\nservice orders' });
        const doc = () => shared.workspace.LangiumDocuments.getDocument(uriOf('b.arch'))!;
        expect(doc().diagnostics!.map(d => d.code)).not.toContain('import');
        texts.delete(uriOf('a.arch').toString());
        await shared.workspace.DocumentBuilder.update([], [uriOf('a.arch')]);
        expect(doc().diagnostics!.map(d => d.code)).toContain('import');
    });

    test('the edited file is validated before the files that import it', async () => {
        await workspace({ 'main.arch': 'import "./part.arch"\nservice orders', 'part.arch': 'service payments' });
        const order: string[] = [];
        const listening = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            order.push(doc.uri.path.split('/').pop()!);
        });
        try {
            await edit('part.arch', 'service billing');
        } finally {
            listening.dispose();
        }
        expect(order).toEqual(['part.arch', 'main.arch']);
    });

    test('an edit that comes while the importers wait for their turn cancels their validation, without waiting', async () => {
        await workspace({ 'main.arch': 'import "./part.arch"\nservice orders', 'part.arch': 'service payments' });
        const builder = shared.workspace.DocumentBuilder as ArchDocumentBuilder;
        const validated: string[] = [];
        const listening = builder.onDocumentPhase(DocumentState.Validated, doc => {
            validated.push(doc.uri.path.split('/').pop()!);
        });
        const partValidated = new Promise<void>(resolve => {
            const once = builder.onDocumentPhase(DocumentState.Validated, doc => {
                if (doc.uri.path.endsWith('part.arch')) {
                    once.dispose();
                    resolve();
                }
            });
        });
        const lock = shared.workspace.WorkspaceLock;
        const update = (text: string) => {
            texts.set(uriOf('part.arch').toString(), text);
            return lock.write(token => builder.update([uriOf('part.arch')], [], token));
        };
        const waitBefore = builder.othersWaitMs;
        try {
            // Longer than the test may take: only the cancellation can end the first wait.
            builder.othersWaitMs = 60_000;
            const first = update('service billing');
            await partValidated;
            // Let the first update get on to the importer, and wait there.
            await new Promise(resolve => setTimeout(resolve, 50));
            const second = update('service invoicing');
            builder.othersWaitMs = 0;
            await Promise.all([first, second]);
        } finally {
            builder.othersWaitMs = waitBefore;
            listening.dispose();
        }
        expect(validated).toEqual(['part.arch', 'part.arch', 'main.arch']);
        const main = shared.workspace.LangiumDocuments.getDocument(uriOf('main.arch'))!;
        expect(main.state).toBe(DocumentState.Validated);
    }, 10_000);

    test('the model built in slices, pausing between the files of the closure, is the one everyone gets', async () => {
        await workspace(SHOP, false);
        const main = shared.workspace.LangiumDocuments.getDocument(uriOf('main.arch'))!;
        let pauses = 0;
        const model = await Arch.model.ModelProvider.getModelInSlices(main, async () => {
            pauses++;
        });
        // Three files: a pause before reading each, before merging each, and before the whole-model steps.
        expect(pauses).toBe(7);
        expect(modelOf('main.arch')).toBe(model);
        expect([...model.elements.keys()].sort()).toEqual(['edge', 'orders', 'prom', 'shipping']);
        expect(model.relations.map(r => r.id).sort()).toEqual(['edge->orders', 'orders->shipping', 'orders..>prom']);
    });

    test('a merge in slices that is cancelled leaves nothing behind', async () => {
        await workspace(SHOP, false);
        const main = shared.workspace.LangiumDocuments.getDocument(uriOf('main.arch'))!;
        let pauses = 0;
        const cancelled = Arch.model.ModelProvider.getModelInSlices(main, async () => {
            if (++pauses === 5) throw new Error('cancelled');
        });
        await expect(cancelled).rejects.toThrow('cancelled');
        const model = modelOf('main.arch');
        expect(model.elements.size).toBe(4);
        expect(await Arch.model.ModelProvider.getModelInSlices(main, async () => {
            throw new Error('not called: the model is there');
        })).toBe(model);
    });
});
