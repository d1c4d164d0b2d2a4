import * as path from 'node:path';
import { clearDocuments } from 'langium/test';
import { formatArch } from '../../language-server/src/import/format-arch.js';
import type { ImportOptions } from '../../language-server/src/import/import-sources.js';
import { importSources } from '../../language-server/src/import/import-sources.js';
import { writeArch } from '../../language-server/src/import/write-arch.js';
import type { ArchModel } from '../../language-server/src/model/model-types.js';
import { createTestServices, diagnosticLines } from '../helpers/services.js';

export const FIXTURES = path.join(__dirname, 'fixtures');

const services = createTestServices();

export interface Imported {
    readonly text: string;
    readonly model: ArchModel;
    /** The diagnostics of the written file, one per line. */
    readonly diagnostics: string[];
    readonly system: Awaited<ReturnType<typeof importSources>>;
}

/** Imports sources (relative to the fixtures), writes and formats the `.arch` text, and reads it back as a model. */
export async function importFixture(sources: readonly string[], options: ImportOptions = {}): Promise<Imported> {
    const system = await importSources(sources, { cwd: FIXTURES, ...options });
    const text = await formatArch(services.Arch, writeArch(system, 'Imported'));
    await clearDocuments(services.shared);
    const document = await services.parse(text, { validation: true });
    const model = services.Arch.model.ModelProvider.getModel(document);
    return { text, model, diagnostics: diagnosticLines(document), system };
}

/** The relations of a model as `a -> b : protocol`, in source order. */
export function relationLines(model: ArchModel): string[] {
    const arrows = { sync: '->', async: '~>', observe: '..>', trigger: 'trigger' };
    return model.relations.map(r => `${r.sourceId} ${arrows[r.kind]} ${r.targetId}${r.protocol ? ` : ${r.protocol}` : ''}`);
}
