import type { ImportedSystem } from '../imported-system.js';
import { ImportError } from '../imported-system.js';
import type { Data } from '../yaml-input.js';
import { isRecord, parseYamlDocuments, scalarText } from '../yaml-input.js';
import type { Manifest } from './manifest-types.js';

/** Does this parsed YAML document look like a Kubernetes object? */
export function isManifest(document: Data): boolean {
    return isRecord(document) && typeof document.apiVersion === 'string' && typeof document.kind === 'string';
}

/**
 * The Kubernetes objects of a multi-document YAML text (`List` objects unpacked). A text
 * with no object at all is not a manifest: one line, exit code 2.
 */
export function readManifests(text: string, display: string, system: ImportedSystem): Manifest[] {
    const manifests: Manifest[] = [];
    const add = (document: Data) => {
        if (!isManifest(document)) return;
        const object = document as Record<string, Data>;
        if (object.kind === 'List' && Array.isArray(object.items)) {
            object.items.forEach(add);
            return;
        }
        const metadata = isRecord(object.metadata) ? object.metadata : {};
        const name = scalarText(metadata.name) ?? 'unnamed';
        manifests.push({
            apiVersion: String(object.apiVersion), kind: String(object.kind), name,
            namespace: scalarText(metadata.namespace),
            labels: stringMap(metadata.labels), annotations: stringMap(metadata.annotations),
            spec: isRecord(object.spec) ? object.spec : {}, raw: object,
            origin: `${display}: ${String(object.kind)}/${name}`,
        });
    };
    parseYamlDocuments(text, display).forEach(add);
    if (manifests.length === 0) throw new ImportError(`'${display}' is not a Kubernetes manifest: no document has an apiVersion and a kind.`);
    system.read.push(`${display} (Kubernetes, ${manifests.length} object${manifests.length === 1 ? '' : 's'})`);
    return manifests;
}

export function stringMap(value: Data | undefined): Record<string, string> {
    if (!isRecord(value)) return {};
    const result: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
        const text = scalarText(v);
        if (text !== undefined) result[key] = text;
    }
    return result;
}
