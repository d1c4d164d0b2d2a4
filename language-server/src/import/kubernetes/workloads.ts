import { toId } from '../ids.js';
import type { ImportedSystem } from '../imported-system.js';
import { addElement, guessOnce } from '../imported-system.js';
import { recognise, technologyOf } from '../technology.js';
import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';
import type { Manifest } from './manifest-types.js';
import { importPodPrivileges } from './pod-privileges.js';
import { stringMap } from './read-manifests.js';

/** A workload's pod template and what the importer made of it. */
export interface Workload {
    readonly manifest: Manifest;
    readonly elementId: string;
    readonly podLabels: Readonly<Record<string, string>>;
    readonly podAnnotations: Readonly<Record<string, string>>;
    readonly containers: readonly Record<string, Data>[];
}

/** The pod template of a Deployment, StatefulSet, DaemonSet, Job, CronJob or the Pod itself. */
function podTemplate(manifest: Manifest): Record<string, Data> {
    if (manifest.kind === 'Pod') return { metadata: manifest.raw.metadata ?? {}, spec: manifest.spec };
    if (manifest.kind === 'CronJob') {
        const job = isRecord(manifest.spec.jobTemplate) && isRecord(manifest.spec.jobTemplate.spec) ? manifest.spec.jobTemplate.spec : {};
        return isRecord(job.template) ? job.template : {};
    }
    return isRecord(manifest.spec.template) ? manifest.spec.template : {};
}

/** The labels of a workload's pods. */
export function podLabelsOf(manifest: Manifest): Record<string, string> {
    const template = podTemplate(manifest);
    return stringMap(isRecord(template.metadata) ? template.metadata.labels : undefined);
}

/** The app a workload belongs to by its labels (`app.kubernetes.io/name`, `app`), or its own name. */
export function appLabelOf(manifest: Manifest): string | undefined {
    const podLabels = podLabelsOf(manifest);
    return podLabels['app.kubernetes.io/name'] ?? podLabels.app ?? manifest.labels['app.kubernetes.io/name'] ?? manifest.labels.app;
}

/**
 * Workloads as elements. Deployments of one app (`reviews-v1`, `reviews-v2`, by their `app`
 * or `app.kubernetes.io/name` label) are one element whose replicas add up, unless
 * `ownName` says the label names a whole system rather than an app (see `kubernetes-importer.ts`).
 */
export function importWorkload(manifest: Manifest, system: ImportedSystem, ownName = false): Workload {
    const template = podTemplate(manifest);
    const metadata = isRecord(template.metadata) ? template.metadata : {};
    const spec = isRecord(template.spec) ? template.spec : {};
    const podLabels = stringMap(metadata.labels);
    const podAnnotations = stringMap(metadata.annotations);
    const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord).filter(c => c.name !== 'istio-proxy');
    const appName = (ownName ? undefined : appLabelOf(manifest)) ?? manifest.name;
    const image = scalarText(containers[0]?.image);
    const known = recognise(image, appName);
    const kind = manifest.kind === 'CronJob' || manifest.kind === 'Job' ? 'component' : known?.kind ?? 'service';
    if (known && kind === known.kind) guessOnce(system, `${toId(appName)} is a ${known.kind}${known.technology ? ` (${known.technology})` : ''}, from its image or name.`);
    const firstOfApp = !system.elements.has(toId(appName));
    const element = addElement(system, toId(appName), kind, manifest.origin, known?.technology || technologyOf(image));
    if (element.id !== appName) element.label = appName;
    const replicas = manifest.kind === 'DaemonSet' || manifest.kind === 'CronJob' || manifest.kind === 'Job' ? undefined : Number(manifest.spec.replicas ?? 1);
    if (replicas !== undefined && Number.isInteger(replicas)) {
        const before = firstOfApp ? 0 : Number(element.properties.get('replicas') ?? 0);
        element.properties.set('replicas', before + replicas);
    }
    if (manifest.kind === 'CronJob' && typeof manifest.spec.schedule === 'string') element.properties.set('description', `CronJob, schedule ${manifest.spec.schedule}`);
    if (manifest.kind === 'DaemonSet') element.properties.set('deployment', 'DaemonSet');
    const container = containers[0] ?? {};
    const probe = [container.readinessProbe, container.livenessProbe].find(isRecord);
    if (probe) {
        const path = isRecord(probe.httpGet) ? scalarText(probe.httpGet.path) : undefined;
        element.properties.set('health', path ?? true);
    }
    const resources = isRecord(container.resources) ? container.resources : {};
    const memory = scalarText((isRecord(resources.limits) ? resources.limits : isRecord(resources.requests) ? resources.requests : {}).memory);
    if (memory && /^\d+(\.\d+)?[A-Za-z]+$/.test(memory)) element.properties.set('memory', memory.toLowerCase());
    const ports = Array.isArray(container.ports) ? container.ports.filter(isRecord) : [];
    const port = Number(ports[0]?.containerPort);
    if (Number.isInteger(port) && port >= 1 && port <= 65535 && !element.properties.has('port')) element.properties.set('port', port);
    importPodPrivileges(spec, containers, element, system, manifest.origin);
    return { manifest, elementId: element.id, podLabels, podAnnotations, containers };
}

/** Environment variables of a workload's containers with literal values (`valueFrom` is left out). */
export function workloadEnvironment(workload: Workload): Map<string, string> {
    const env = new Map<string, string>();
    for (const container of workload.containers) {
        for (const entry of Array.isArray(container.env) ? container.env.filter(isRecord) : []) {
            const name = scalarText(entry.name);
            const value = scalarText(entry.value);
            if (name && value !== undefined) env.set(name, value);
        }
    }
    return env;
}
