import { envLinks, isLiteralSecret } from '../env-links.js';
import { hostToName, toId } from '../ids.js';
import type { ImportedSystem } from '../imported-system.js';
import { addRelation, guessOnce, noteOnce } from '../imported-system.js';
import { isRecord, scalarText } from '../yaml-input.js';
import { importDestinationRule, importPeerAuthentication, importVirtualService } from './istio-policies.js';
import type { Manifest } from './manifest-types.js';
import { QUIET_KINDS, READ_KINDS, WORKLOAD_KINDS } from './manifest-types.js';
import { importGateway, importRoute, setRouteResolver } from './routes.js';
import type { Workload } from './workloads.js';
import { appLabelOf, importWorkload, podLabelsOf, workloadEnvironment } from './workloads.js';

/**
 * Kubernetes and Istio objects as elements and relations: workloads first, then Services
 * (which name the workloads they select), then the routes and mesh policies that refer to
 * Services by host name.
 */
export function importKubernetes(manifests: readonly Manifest[], system: ImportedSystem): void {
    system.sourceKinds.add('kubernetes');
    const workloads: Workload[] = [];
    const ownNames = systemWideLabels(manifests);
    for (const manifest of manifests) {
        if (WORKLOAD_KINDS.has(manifest.kind)) workloads.push(importWorkload(manifest, system, ownNames.has(manifest)));
        else if (!READ_KINDS.has(manifest.kind) && !QUIET_KINDS.has(manifest.kind)) noteOnce(system, `Kubernetes: kind ${manifest.kind} (${manifest.apiVersion}) is not read (first in ${manifest.origin}).`);
    }
    // Service name -> element id, from each Service's selector.
    const hosts = new Map<string, string>();
    for (const workload of workloads) hosts.set(workload.manifest.name, workload.elementId);
    for (const workload of workloads) {
        if (!ownNames.has(workload.manifest)) hosts.set(workload.podLabels.app ?? workload.manifest.name, workload.elementId);
    }
    for (const service of manifests.filter(m => m.kind === 'Service')) importService(service, workloads, hosts, system);
    const resolve = (host: string) => hosts.get(hostToName(host)) ?? (system.elements.has(toId(hostToName(host))) ? toId(hostToName(host)) : undefined);
    setRouteResolver(resolve);

    const injected = meshMembers(manifests, workloads, system);
    injected.forEach(id => system.meshMembers.add(id));
    const hostNames = new Set(hosts.keys());
    for (const workload of workloads) {
        const env = workloadEnvironment(workload);
        for (const [variable, value] of env) {
            if (!isLiteralSecret(variable, value)) continue;
            system.elements.get(workload.elementId)?.properties.set('secrets', 'literal');
            noteOnce(system, `${workload.manifest.origin}: the secret ${variable} is written in the manifest as a literal; keep it in a Secret.`);
        }
        for (const link of envLinks(env, hostNames)) {
            const target = hosts.get(link.target)!;
            const relation = addRelation(system, workload.elementId, target, '->', `${workload.manifest.origin}: env ${link.variable}`);
            if (relation) guessOnce(system, `${workload.elementId} -> ${target}: from the environment variable ${link.variable}.`);
        }
    }
    for (const manifest of manifests) {
        if (manifest.kind === 'Ingress' || manifest.kind === 'Gateway') importGateway(manifest, system);
    }
    for (const manifest of manifests) {
        if (manifest.kind === 'HTTPRoute' || manifest.kind === 'GRPCRoute') importRoute(manifest, system);
        else if (manifest.kind === 'VirtualService') importVirtualService(manifest, system, resolve);
        else if (manifest.kind === 'DestinationRule') importDestinationRule(manifest, system, resolve);
        else if (manifest.kind === 'PeerAuthentication') importPeerAuthentication(manifest, system);
        else if (manifest.kind === 'HorizontalPodAutoscaler' && isRecord(manifest.spec.scaleTargetRef)) {
            const id = hosts.get(scalarText(manifest.spec.scaleTargetRef.name) ?? '');
            const min = Number(manifest.spec.minReplicas ?? 1);
            const element = id ? system.elements.get(id) : undefined;
            if (element && Number.isInteger(min)) element.properties.set('replicas', min);
        }
    }
}

/**
 * Workloads whose `app` label names the whole system rather than one app: TeaStore labels all
 * its Deployments `app: teastore` and tells them apart by `run: teastore-db`. Workloads that
 * share the label but that different Services select are different apps, each known by its
 * own name; versions of one app (`reviews-v1`, `reviews-v2`) are selected by the same Service.
 */
function systemWideLabels(manifests: readonly Manifest[]): Set<Manifest> {
    const selectors = manifests.filter(m => m.kind === 'Service' && isRecord(m.spec.selector)).map(m => ({
        name: m.name, entries: Object.entries(m.spec.selector as Record<string, unknown>).map(([k, v]) => [k, scalarText(v as never)] as const),
    })).filter(s => s.entries.length > 0);
    const byApp = new Map<string, { manifest: Manifest; services: string }[]>();
    for (const manifest of manifests.filter(m => WORKLOAD_KINDS.has(m.kind))) {
        const app = appLabelOf(manifest);
        if (app === undefined) continue;
        const labels = podLabelsOf(manifest);
        const services = selectors.filter(s => s.entries.every(([k, v]) => labels[k] === v)).map(s => s.name).sort().join(' ');
        byApp.set(app, [...(byApp.get(app) ?? []), { manifest, services }]);
    }
    const result = new Set<Manifest>();
    for (const members of byApp.values()) {
        const distinct = new Set(members.map(m => m.services));
        if (members.length > 1 && distinct.size > 1 && !distinct.has('')) members.forEach(m => result.add(m.manifest));
    }
    return result;
}

function importService(service: Manifest, workloads: readonly Workload[], hosts: Map<string, string>, system: ImportedSystem): void {
    const selector = isRecord(service.spec.selector) ? service.spec.selector : {};
    const entries = Object.entries(selector).map(([k, v]) => [k, scalarText(v)] as const);
    const selected = entries.length === 0 ? [] : workloads.filter(w => entries.every(([k, v]) => w.podLabels[k] === v));
    const ids = [...new Set(selected.map(w => w.elementId))];
    if (ids.length !== 1) {
        if (ids.length === 0) noteOnce(system, `${service.origin}: selects no workload of the manifests read; left out.`);
        else noteOnce(system, `${service.origin}: selects ${ids.join(', ')}; callers are linked to ${ids[0]}.`);
    }
    if (ids.length === 0) return;
    hosts.set(service.name, ids[0]);
    const element = system.elements.get(ids[0])!;
    if (!element.origins.includes(service.origin)) element.origins.push(service.origin);
    const type = scalarText(service.spec.type);
    if (type === 'LoadBalancer' || type === 'NodePort') element.properties.set('exposure', 'public');
    const ports = Array.isArray(service.spec.ports) ? service.spec.ports.filter(isRecord) : [];
    const port = Number(ports[0]?.port);
    if (!element.properties.has('port') && Number.isInteger(port) && port >= 1 && port <= 65535) element.properties.set('port', port);
}

/**
 * Workloads with an Istio sidecar: an explicit `sidecar.istio.io/inject` annotation or label
 * decides; otherwise a namespace labelled `istio-injection: enabled`, or Istio objects among
 * the manifests (the namespace label is usually set outside them), put a workload in the mesh.
 */
function meshMembers(manifests: readonly Manifest[], workloads: readonly Workload[], system: ImportedSystem): Set<string> {
    const injectedNamespaces = new Set(manifests.filter(m => m.kind === 'Namespace' && (m.labels['istio-injection'] === 'enabled' || m.labels['istio.io/rev'] !== undefined)).map(m => m.name));
    const istioObjects = manifests.some(m => m.apiVersion.includes('istio.io'));
    if (istioObjects && injectedNamespaces.size === 0) guessOnce(system, 'Every workload carries an Istio sidecar: Istio objects are among the manifests (the namespace label that injects sidecars is set outside them).');
    const members = new Set<string>();
    for (const workload of workloads) {
        const explicit = workload.podAnnotations['sidecar.istio.io/inject'] ?? workload.podLabels['sidecar.istio.io/inject'];
        const inNamespace = injectedNamespaces.has(workload.manifest.namespace ?? 'default');
        if (explicit === 'false') continue;
        if (explicit === 'true' || inNamespace || istioObjects) members.add(workload.elementId);
    }
    return members;
}
