import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { glob } from 'tinyglobby';
import { describeFsError } from '../cli/files.js';
import { importCompose } from './compose/compose-importer.js';
import type { ComposeInput } from './compose/load-compose.js';
import { loadCompose, looksLikeCompose } from './compose/load-compose.js';
import type { ImportedSystem } from './imported-system.js';
import { applyRoutePolicies, emptySystem, ImportError, noteOnce } from './imported-system.js';
import { importKubernetes } from './kubernetes/kubernetes-importer.js';
import type { Manifest } from './kubernetes/manifest-types.js';
import { isManifest, readManifests } from './kubernetes/read-manifests.js';
import { readTraces } from './traces/read-traces.js';
import { parseYamlDocuments } from './yaml-input.js';

export interface ImportOptions {
    /** Compose profiles to activate. */
    readonly profiles?: readonly string[];
    /** Standard input, for `-` (the output of `helm template` or `kustomize build`). */
    readonly stdin?: NodeJS.ReadableStream;
    readonly cwd?: string;
}

/** YAML files above this size are refused; trace files are streamed and have no limit. */
const MAX_YAML_BYTES = 64 * 1024 * 1024;

interface Source { readonly file: string; readonly display: string; readonly explicit: boolean }

/**
 * Reads compose files, Kubernetes/Istio manifests and trace files (files, folders, or `-`
 * for standard input) into one imported system. A file named on the command line that is
 * not what it claims to be is an `ImportError`; in a folder such files are skipped with a note.
 */
export async function importSources(inputs: readonly string[], options: ImportOptions = {}): Promise<ImportedSystem> {
    const cwd = options.cwd ?? process.cwd();
    const system = emptySystem();
    const compose: ComposeInput[] = [];
    const manifests: Manifest[] = [];
    const traces: Source[] = [];
    for (const input of inputs) {
        if (input === '-') {
            const text = await readAll(options.stdin ?? process.stdin);
            if (/^\s*[[{]/.test(text)) await readTraces(Readable.from([text]), 'standard input', system);
            else classifyYaml({ file: path.join(cwd, 'stdin.yaml'), display: 'standard input', explicit: true }, text, compose, manifests, system);
            continue;
        }
        for (const source of await expand(input, cwd)) {
            if (source.file.endsWith('.json')) traces.push(source);
            else classifyYaml(source, await readText(source), compose, manifests, system);
        }
    }
    if (compose.length > 0) importCompose(await loadCompose(compose, file => fs.readFile(file, 'utf8'), options.profiles ?? [], system), system);
    if (manifests.length > 0) importKubernetes(manifests, system);
    for (const source of traces) {
        try {
            await readTraces(createReadStream(source.file), source.display, system);
        } catch (error) {
            if (source.explicit || !(error instanceof ImportError)) throw error;
            noteOnce(system, `${source.display}: skipped, not a trace file.`);
        }
    }
    applyRoutePolicies(system);
    if (system.elements.size === 0 && system.read.length === 0) throw new ImportError('Nothing to import: no compose file, manifest or trace file among the sources.');
    return system;
}

function classifyYaml(source: Source, text: string, compose: ComposeInput[], manifests: Manifest[], system: ImportedSystem): void {
    const named = /compose[^/]*\.ya?ml$/i.test(path.basename(source.file));
    const documents = parseYamlDocuments(text, source.display);
    if (named || documents.some(d => looksLikeCompose(d))) {
        compose.push({ file: source.file, display: source.display, text });
    } else if (source.explicit || documents.some(isManifest)) {
        manifests.push(...readManifests(text, source.display, system));
    } else {
        noteOnce(system, `${source.display}: skipped, neither a compose file nor a Kubernetes manifest.`);
    }
}

async function expand(input: string, cwd: string): Promise<Source[]> {
    const file = path.resolve(cwd, input);
    let stat;
    try {
        stat = await fs.stat(file);
    } catch (error) {
        throw new ImportError(describeFsError(input, error));
    }
    if (!stat.isDirectory()) {
        if (!stat.isFile()) throw new ImportError(`'${input}' is not a regular file.`);
        return [{ file, display: path.relative(cwd, file) || input, explicit: true }];
    }
    const matches = await glob('**/*.{yaml,yml,json}', { cwd: file, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.*/**'], followSymbolicLinks: false });
    if (matches.length === 0) throw new ImportError(`No YAML or JSON files in folder '${input}'.`);
    return matches.sort().map(m => ({ file: m, display: path.relative(cwd, m) || m, explicit: false }));
}

async function readText(source: Source): Promise<string> {
    let bytes: Buffer;
    try {
        const stat = await fs.stat(source.file);
        if (stat.size > MAX_YAML_BYTES) throw new ImportError(`'${source.display}' is too large (${Math.round(stat.size / 1048576)} MB) for a YAML file.`);
        bytes = await fs.readFile(source.file);
    } catch (error) {
        throw error instanceof ImportError ? error : new ImportError(describeFsError(source.display, error));
    }
    if (bytes.includes(0)) throw new ImportError(`'${source.display}' is a binary file, not YAML.`);
    return bytes.toString('utf8');
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
}
