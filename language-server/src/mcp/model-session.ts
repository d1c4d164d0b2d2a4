import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { ArchFileSystem } from '../workspace/arch-file-system.js';
import { createArchServices, type ArchServices } from '../arch-module.js';
import { collectDiagnostics, type FileDiagnostic } from '../cli/diagnostics.js';
import { expandInputs, readSource } from '../cli/files.js';
import { importedErrors } from '../cli/imported-files.js';
import { configureRules } from '../cli/rule-options.js';
import { loadAndValidate } from '../cli/workspace-loader.js';
import type { ArchModel } from '../model/model-types.js';

/** One `.arch` file read and checked as `archsight check` would: its model and its diagnostics. */
export interface LoadedFile {
    readonly services: ArchServices;
    readonly document: LangiumDocument;
    readonly model: ArchModel;
    readonly diagnostics: readonly FileDiagnostic[];
}

/**
 * Loads a file for a tool call, fresh each time (the file may have changed since the last
 * call; a check takes a fraction of a second). Relative paths are taken from `cwd`.
 * Throws a UsageError with a one-line message for a file that cannot be read.
 */
export async function loadFile(file: string, cwd: string): Promise<LoadedFile> {
    const [absolute] = await expandInputs([file], cwd);
    const source = await readSource(absolute, path.relative(cwd, absolute) || absolute);
    const services = createArchServices(ArchFileSystem).Arch;
    await configureRules(services, {}, [absolute], cwd);
    const [document] = await loadAndValidate(services, [source]);
    const diagnostics = [...collectDiagnostics([document], cwd), ...await importedErrors(services, [document], cwd)];
    return { services, document, model: services.model.ModelProvider.getModel(document), diagnostics };
}
