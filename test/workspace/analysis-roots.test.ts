import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { createArchServices } from '../../language-server/src/arch-module.js';
import { analysisRoots } from '../../language-server/src/workspace/analysis-roots.js';
import { documentsInImportCycles } from '../../language-server/src/workspace/import-cycles.js';

// Files served from memory, so that an edit goes through the document builder's update as in the server.
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
const documentOf = (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name)) as LangiumDocument<Model>;

async function workspace(files: Record<string, string>): Promise<void> {
    const documents = Object.entries(files).map(([name, text]) => {
        texts.set(uriOf(name).toString(), text);
        const doc = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
}

async function edit(name: string, text: string | undefined): Promise<void> {
    if (text === undefined) {
        texts.delete(uriOf(name).toString());
        await shared.workspace.DocumentBuilder.update([], [uriOf(name)]);
    } else {
        texts.set(uriOf(name).toString(), text);
        await shared.workspace.DocumentBuilder.update([uriOf(name)], []);
    }
}

/** A new file, as the server meets one: a document added to the workspace, then an update. */
async function create(name: string, text: string): Promise<void> {
    texts.set(uriOf(name).toString(), text);
    shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString<Model>(text, uriOf(name)));
    await shared.workspace.DocumentBuilder.update([uriOf(name)], []);
}

function codes(name: string, code: string): string[] {
    return (documentOf(name).diagnostics ?? []).filter(d => d.code === code).map(d => `${d.range.start.line + 1}: ${d.message}`);
}

const rootsOf = () => {
    const docs = shared.workspace.LangiumDocuments.all.toArray() as LangiumDocument<Model>[];
    const roots = analysisRoots(docs, shared.workspace.LangiumDocuments);
    return Object.fromEntries(docs.map(d => [d.uri.path.split('/').pop(), roots.get(d.uri.toString())!.uri.path.split('/').pop()]));
};

const PRICING = 'service pricing { replicas 1 }\n';
const THREE_CALLERS = 'import "./lib.arch"\narchitecture "M" {\n  service a\n  service b\n  service c\n  a -> pricing { timeout 1s }\n  b -> pricing { timeout 1s }\n  c -> pricing { timeout 1s }\n}\n';
const ONE_CALLER = 'import "./lib.arch"\narchitecture "M" {\n  service a\n  a -> pricing { timeout 1s }\n}\n';

describe('analysis roots', () => {
    test('each file is checked in the first root (by URI) that imports it; files only in a cycle take the first of it', async () => {
        await workspace({
            'lib.arch': 'service s0',
            'mid.arch': 'import "./lib.arch"\nservice s1',
            'top.arch': 'import "./mid.arch"\nservice s2',
            'also.arch': 'import "./lib.arch"\nservice s3',
            'x.arch': 'import "./y.arch"\nservice x',
            'y.arch': 'import "./x.arch"\nservice y',
            'alone.arch': 'service z',
        });
        expect(rootsOf()).toEqual({
            'lib.arch': 'also.arch', 'mid.arch': 'top.arch', 'top.arch': 'top.arch', 'also.arch': 'also.arch',
            'x.arch': 'x.arch', 'y.arch': 'x.arch', 'alone.arch': 'alone.arch',
        });
    });

    test('the files of a chain share one model, built once', async () => {
        const files: Record<string, string> = {};
        for (let n = 0; n < 30; n++) files[`c${String(n).padStart(2, '0')}.arch`] = `${n > 0 ? `import "./c${String(n - 1).padStart(2, '0')}.arch"\n` : ''}service s${n}\n${n > 0 ? `s${n} -> s${n - 1} { timeout 1s }\n` : ''}`;
        await workspace(files);
        const models = new Set(Object.keys(files).map(name => Arch.model.ModelProvider.getAnalysisModel(documentOf(name))));
        expect(models.size).toBe(1);
        expect([...models][0].elements.size).toBe(30);
        // The deep chain is one finding, in the file where it starts, not one per file of the chain.
        expect(Object.keys(files).flatMap(name => codes(name, 'deep-sync-chain'))).toHaveLength(1);
    });

    test('an edit of the root changes the diagnostics of the files it imports', async () => {
        await workspace({ 'lib.arch': PRICING, 'main.arch': ONE_CALLER });
        expect(codes('lib.arch', 'single-replica')).toEqual([]);
        await edit('main.arch', THREE_CALLERS);
        expect(codes('lib.arch', 'single-replica')).toEqual(["1: 'pricing' runs with 1 replica, and 3 elements depend on it: 'a', 'b' and 'c'."]);
        await edit('main.arch', ONE_CALLER);
        expect(codes('lib.arch', 'single-replica')).toEqual([]);
    });

    test('a file that a new root imports is checked again in it, and again alone when that root is deleted', async () => {
        await workspace({ 'lib.arch': PRICING, 'z.arch': 'service other\n' });
        expect(codes('lib.arch', 'single-replica')).toEqual([]);
        await create('main.arch', THREE_CALLERS);
        expect(codes('lib.arch', 'single-replica')).toHaveLength(1);
        await edit('main.arch', undefined);
        expect(codes('lib.arch', 'single-replica')).toEqual([]);
    });

    test('a sibling file of the same root is checked again when another one changes', async () => {
        await workspace({
            'a.arch': 'service caller1\ncaller1 -> pricing { timeout 1s }\nimport "./lib.arch"',
            'lib.arch': PRICING,
            'main.arch': 'import "./a.arch"\nimport "./lib.arch"\nservice m',
        });
        expect(codes('lib.arch', 'single-replica')).toEqual([]);
        await edit('a.arch', 'import "./lib.arch"\nservice caller1\nservice caller2\nservice caller3\ncaller1 -> pricing { timeout 1s }\ncaller2 -> pricing { timeout 1s }\ncaller3 -> pricing { timeout 1s }');
        expect(codes('lib.arch', 'single-replica')).toHaveLength(1);
    });

    test('import cycles are found once for the workspace; a cycle is still reported', async () => {
        await workspace({ 'x.arch': 'import "./y.arch"\nservice x', 'y.arch': 'import "./x.arch"\nservice y', 'z.arch': 'import "./x.arch"\nservice z' });
        const docs = shared.workspace.LangiumDocuments.all.toArray() as LangiumDocument<Model>[];
        expect([...documentsInImportCycles(docs, shared.workspace.LangiumDocuments)].map(u => u.split('/').pop()).sort()).toEqual(['x.arch', 'y.arch']);
        expect(codes('x.arch', 'import-cycle')).toEqual(['1: Import cycle: x.arch → y.arch → x.arch. Move the shared declarations into a file that both import.']);
        expect(codes('z.arch', 'import-cycle')).toEqual([]);
    });
});
