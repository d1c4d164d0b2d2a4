import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Model } from '../../language-server/generated/ast.js';
import { createArchServices } from '../../language-server/src/arch-module.js';
import { loadAndValidate } from '../../language-server/src/cli/workspace-loader.js';
import type { ElementKind } from '../../language-server/src/model/kinds.js';
import type { ArchModel, ModelElement, ModelRelation, RelationKind } from '../../language-server/src/model/model-types.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples', import.meta.url));

/** Every `.arch` file below `samples/`, relative to it, sorted. */
export async function sampleFiles(): Promise<string[]> {
    const entries = await fs.readdir(SAMPLES_DIR, { recursive: true });
    return entries.filter(e => e.endsWith('.arch')).map(e => e.split(path.sep).join('/')).sort();
}

/** Loads and validates all samples together, as `archsight check samples/` does, from the real file system. */
export async function loadSamples(): Promise<{ documents: Map<string, LangiumDocument<Model>>; modelOf: (file: string) => ArchModel }> {
    const services = createArchServices(NodeFileSystem).Arch;
    const files = await sampleFiles();
    const sources = await Promise.all(files.map(async f => ({ path: path.join(SAMPLES_DIR, f), text: await fs.readFile(path.join(SAMPLES_DIR, f), 'utf8') })));
    const loaded = await loadAndValidate(services, sources);
    const documents = new Map(files.map((f, i) => [f, loaded[i]]));
    return {
        documents,
        modelOf: (file: string) => {
            const doc = documents.get(file);
            if (!doc) throw new Error(`No sample ${file}`);
            return services.model.ModelProvider.getModel(doc);
        },
    };
}

/** Readable questions about a model, so the tests read like a review of the sample. */
export function query(model: ArchModel) {
    const elements = [...model.elements.values()];
    const ofKind = (...kinds: ElementKind[]) => elements.filter(e => kinds.includes(e.kind));
    const relations = (kind?: RelationKind) => model.relations.filter(r => kind === undefined || r.kind === kind);
    const element = (id: string): ModelElement => {
        const e = model.elements.get(id);
        if (!e) throw new Error(`No element '${id}'`);
        return e;
    };
    /** Elements inside a group, however deeply nested. */
    const inGroup = (groupId: string): ModelElement[] => elements.filter(e => {
        for (let g = e.groupId; g !== undefined; g = model.groups.get(g)?.parentId) if (g === groupId) return true;
        return false;
    });
    const link = (r: ModelRelation) => `${r.sourceId} ${ARROWS[r.kind]} ${r.targetId}`;
    const links = (kind?: RelationKind) => relations(kind).map(link);
    /** The signals that leave an element on `..>` links (its own and its sidecars'). */
    const signalsOf = (id: string) => new Set(relations('observe')
        .filter(r => r.sourceId === id || element(id).sidecarIds.includes(r.sourceId))
        .map(r => r.signal));
    return { elements, ofKind, relations, element, inGroup, link, links, signalsOf };
}

const ARROWS: Readonly<Record<RelationKind, string>> = { sync: '->', async: '~>', observe: '..>', trigger: 'trigger' };
