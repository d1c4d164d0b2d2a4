import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Model } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import { combineModels, documentsOf } from '../diff/combine-models.js';
import type { SideFinding } from '../diff/finding-changes.js';
import type { DiffSide } from '../diff/model-diff.js';
import { collectDiagnostics, type FileDiagnostic } from './diagnostics.js';
import { expandInputs, readSource, UsageError, type SourceFile } from './files.js';
import { readRevision, repositoryRoot, resolveRevision } from './git-files.js';
import { configureRules, type RuleOptions } from './rule-options.js';
import { loadAndValidate } from './workspace-loader.js';

/** What one side of `archsight diff` names: files and folders on disk, or a git revision. */
export type SideSpec =
    | { readonly type: 'paths'; readonly name: string; readonly inputs: readonly string[] }
    | { readonly type: 'revision'; readonly name: string; readonly commit: string; readonly pathspecs: readonly string[]; readonly root: string }
    /** Texts that are not on disk as they are (an editor's unsaved document); imports come from disk. */
    | { readonly type: 'sources'; readonly name: string; readonly sources: readonly SourceFile[] };

/**
 * What an argument names: an existing file or folder, else a git revision; neither is a
 * usage error. `pathspecs` limit a revision (and stand for the working tree's side).
 */
export async function sideSpec(arg: string, pathspecs: readonly string[], cwd: string): Promise<SideSpec> {
    const onDisk = await fs.stat(path.resolve(cwd, arg)).then(() => true, () => false);
    if (onDisk) return { type: 'paths', name: arg, inputs: [arg] };
    const root = await repositoryRoot(cwd);
    const commit = root === undefined ? undefined : await resolveRevision(arg, cwd);
    if (root === undefined || commit === undefined) {
        throw new UsageError(`'${arg}' is neither a file or folder nor a git revision${root === undefined ? ' (not in a git repository)' : ''}.`);
    }
    return { type: 'revision', name: arg, commit, pathspecs, root };
}

/**
 * Reads one side into the workspace of `services` and checks it: its model and what
 * `check` reports on it. The side's documents leave the workspace again, so the next side
 * is read into the same services (building the parser and warming its code once is a
 * good part of a run) without meeting this one; the model keeps what it needs.
 */
export async function loadSide(services: ArchServices, spec: SideSpec, rules: RuleOptions, cwd: string): Promise<{ side: DiffSide; diagnostics: FileDiagnostic[] }> {
    let sources: SourceFile[];
    let entries: Set<string>;
    let revision: { root: string; configs: Map<string, string> } | undefined;
    if (spec.type === 'sources') {
        sources = [...spec.sources];
        entries = new Set(sources.map(s => s.path));
    } else if (spec.type === 'paths') {
        const paths = await expandInputs(spec.inputs, cwd);
        sources = await Promise.all(paths.map(p => readSource(p, path.relative(cwd, p) || p)));
        entries = new Set(paths);
    } else {
        const read = await readRevision(spec.commit, spec.pathspecs.length > 0 ? spec.pathspecs : ['.'], cwd, spec.root);
        if (read.selected.size === 0) throw new UsageError(`No .arch files at '${spec.name}'${spec.pathspecs.length > 0 ? ` in ${spec.pathspecs.join(' ')}` : ''}.`);
        sources = read.files;
        entries = read.selected;
        revision = { root: spec.root, configs: read.configs };
    }
    // A revision is checked with its own archsight.config.json files (thresholds, severities), unless --config names one.
    await configureRules(services, rules, [...entries], cwd, revision);
    const documents = await loadAndValidate(services, sources);
    const entryDocs = documents.filter(d => entries.has(d.uri.fsPath)) as LangiumDocument<Model>[];
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const model = combineModels(entryDocs, langiumDocuments, services.model.ModelProvider);
    const diagnostics = collectDiagnostics(documentsOf(entryDocs, langiumDocuments), cwd);
    const loaded = langiumDocuments.all.map(d => d.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update([], loaded);
    return { side: { name: spec.name, model, findings: diagnostics.flatMap(d => sideFinding(d)) }, diagnostics };
}

function sideFinding(d: FileDiagnostic): SideFinding[] {
    if (d.severity === 'hint') return [];
    return [{
        rule: d.code ?? 'syntax-error',
        severity: d.severity,
        message: d.message,
        subject: d.subject,
        place: { file: d.display, line: d.line, uri: URI.file(d.file).toString() },
    }];
}
