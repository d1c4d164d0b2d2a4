import * as path from 'node:path';
import type { ImportedSystem } from '../imported-system.js';
import { ImportError, noteOnce, warnOnce } from '../imported-system.js';
import type { Data } from '../yaml-input.js';
import { isRecord, parseYamlDocuments, scalarText } from '../yaml-input.js';
import { COMPOSE_TOP_LEVEL } from './compose-fields.js';
import { envFileEntries, parseEnvFile, readEnvFile, type EnvFileEntry } from './env-file.js';

/** One service after `include`, `extends`, override files and profiles: its definition and where it was written. */
export interface ComposeService {
    readonly name: string;
    readonly definition: Record<string, Data>;
    /** `docker-compose.yaml: services.cart` */
    readonly origin: string;
    /** The variables of its `env_file`s, in order (its `environment` overrides them). */
    readonly envFromFiles: ReadonlyMap<string, string>;
}

export interface ComposeInput {
    readonly file: string;
    readonly display: string;
    readonly text: string;
}

export type ReadText = (file: string) => Promise<string>;

/** Is this parsed YAML a Compose file (it has `services` or `include`)? */
export function looksLikeCompose(document: Data): boolean {
    return isRecord(document) && (isRecord(document.services) || Array.isArray(document.include));
}

/**
 * Reads Compose files as `docker compose -f a -f b` does: later files override earlier ones
 * service by service; `include` pulls in other files; `extends` copies a service; services
 * with `profiles` take part only when one of their profiles is active.
 */
export async function loadCompose(inputs: readonly ComposeInput[], readText: ReadText, profiles: readonly string[], system: ImportedSystem): Promise<ComposeService[]> {
    const services = new Map<string, ComposeService>();
    const seen = new Set<string>();
    for (const input of inputs) await loadFile(input, readText, services, seen, system);
    const result: ComposeService[] = [];
    for (const service of services.values()) {
        const own = Array.isArray(service.definition.profiles) ? service.definition.profiles.map(String) : [];
        if (own.length > 0 && !own.some(p => profiles.includes(p))) {
            noteOnce(system, `${service.origin}: left out, its profiles (${own.join(', ')}) are not active (use --profile).`);
            continue;
        }
        result.push({ ...service, envFromFiles: await readEnvFiles(service, system) });
    }
    return result;
}

/** The variables of a service's env files; a file that cannot be read is a warning, not a failure. */
async function readEnvFiles(service: ComposeService, system: ImportedSystem): Promise<Map<string, string>> {
    const variables = new Map<string, string>();
    for (const entry of resolvedEnvFiles(service.definition)) {
        const read = await readEnvFile(entry.file);
        if ('why' in read) {
            if (entry.required) warnOnce(system, `${service.origin}: env_file '${entry.display}' is not read (${read.why}); its variables are left out.`);
            continue;
        }
        for (const [key, value] of parseEnvFile(read.text)) variables.set(key, value);
    }
    return variables;
}

/**
 * A definition as written in `input`, with its `env_file` in Compose's long form and each
 * path made absolute against that file's folder, so that `extends` and override files from
 * other folders keep pointing at the right file once definitions are merged.
 */
function withEnvFiles(definition: Record<string, Data>, input: ComposeInput): Record<string, Data> {
    if (definition.env_file === undefined) return definition;
    const entries = envFileEntries(definition, input.file, input.display);
    return { ...definition, env_file: entries.map(e => ({ path: e.file, required: e.required, display: e.display })) };
}

function resolvedEnvFiles(definition: Record<string, Data>): EnvFileEntry[] {
    const entries = Array.isArray(definition.env_file) ? definition.env_file.filter(isRecord) : [];
    return entries.map(e => ({ file: String(e.path), display: String(e.display), required: e.required !== false }));
}

async function loadFile(input: ComposeInput, readText: ReadText, services: Map<string, ComposeService>, seen: Set<string>, system: ImportedSystem): Promise<void> {
    if (seen.has(input.file)) return;
    seen.add(input.file);
    const [document] = parseYamlDocuments(input.text, input.display);
    if (!looksLikeCompose(document ?? null)) throw new ImportError(`'${input.display}' is not a docker-compose file: it has no 'services'.`);
    const compose = document as Record<string, Data>;
    for (const key of Object.keys(compose)) {
        if (!COMPOSE_TOP_LEVEL.has(key) && !key.startsWith('x-')) noteOnce(system, `${input.display}: unknown top-level field '${key}' is not read.`);
    }
    const version = scalarText(compose.version);
    system.read.push(`${input.display} (docker-compose${version ? ` ${version}` : ''}, ${Object.keys(isRecord(compose.services) ? compose.services : {}).length} services)`);
    for (const entry of Array.isArray(compose.include) ? compose.include : []) {
        const includePaths = isRecord(entry) ? [entry.path].flat() : [entry];
        for (const includePath of includePaths.map(scalarText).filter((p): p is string => !!p)) {
            const file = path.resolve(path.dirname(input.file), includePath);
            const display = path.join(path.dirname(input.display), includePath);
            await loadFile({ file, display, text: await readIncluded(readText, file, display) }, readText, services, seen, system);
        }
    }
    const own = isRecord(compose.services) ? compose.services : {};
    for (const [name, raw] of Object.entries(own)) {
        if (!isRecord(raw)) throw new ImportError(`'${input.display}': service '${name}' is not a mapping.`);
        const extended = await applyExtends(withEnvFiles(raw, input), input, own, readText, system, 0);
        const previous = services.get(name);
        const definition = previous ? mergeService(previous.definition, extended) : extended;
        services.set(name, { name, definition, envFromFiles: new Map(), origin: previous ? `${previous.origin}, ${input.display}: services.${name}` : `${input.display}: services.${name}` });
    }
}

async function readIncluded(readText: ReadText, file: string, display: string): Promise<string> {
    try {
        return await readText(file);
    } catch {
        throw new ImportError(`Cannot read '${display}', which a Compose file includes or extends.`);
    }
}

/** `extends: { service, file? }` (or `extends: name`): the base service, overridden by this one. */
async function applyExtends(service: Record<string, Data>, input: ComposeInput, siblings: Record<string, Data>, readText: ReadText, system: ImportedSystem, depth: number): Promise<Record<string, Data>> {
    const ext = service.extends;
    if (ext === undefined || depth > 10) return service;
    const baseName = isRecord(ext) ? scalarText(ext.service) : scalarText(ext);
    const baseFile = isRecord(ext) ? scalarText(ext.file) : undefined;
    if (!baseName) return service;
    let base: Data | undefined;
    let baseInput = input;
    let baseSiblings = siblings;
    if (baseFile) {
        const file = path.resolve(path.dirname(input.file), baseFile);
        const display = path.join(path.dirname(input.display), baseFile);
        baseInput = { file, display, text: await readIncluded(readText, file, display) };
        const [document] = parseYamlDocuments(baseInput.text, display);
        baseSiblings = isRecord(document) && isRecord(document.services) ? document.services : {};
    }
    base = baseSiblings[baseName];
    if (isRecord(base)) base = withEnvFiles(base, baseInput);
    if (!isRecord(base)) throw new ImportError(`'${input.display}': extends names service '${baseName}', which ${baseFile ? `'${baseFile}'` : 'the file'} does not have.`);
    const resolvedBase = await applyExtends(base, baseInput, baseSiblings, readText, system, depth + 1);
    const { extends: _ignored, ...rest } = service;
    return mergeService(resolvedBase, rest);
}

/** Compose's merge: mappings merge key by key, sequences of ports and the like add up, scalars are replaced. */
export function mergeService(base: Record<string, Data>, override: Record<string, Data>): Record<string, Data> {
    const result: Record<string, Data> = { ...base };
    for (const [key, value] of Object.entries(override)) {
        const old = result[key];
        if (isRecord(old) && isRecord(value)) result[key] = mergeService(old, value);
        else if (Array.isArray(old) && Array.isArray(value)) result[key] = [...old, ...value.filter(v => !old.some(o => JSON.stringify(o) === JSON.stringify(v)))];
        else result[key] = value;
    }
    return result;
}
