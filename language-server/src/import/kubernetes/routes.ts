import { hostToName, toId } from '../ids.js';
import type { ImportedSystem } from '../imported-system.js';
import { addElement, addRelation } from '../imported-system.js';
import { isRecord, scalarText } from '../yaml-input.js';
import type { Data } from '../yaml-input.js';
import type { ResolveHost } from './istio-policies.js';
import type { Manifest } from './manifest-types.js';

/** An Ingress, a Gateway API Gateway or an Istio Gateway: a public gateway element. */
export function importGateway(manifest: Manifest, system: ImportedSystem): string {
    const istio = manifest.apiVersion.startsWith('networking.istio.io');
    const technology = manifest.kind === 'Ingress'
        ? scalarText(manifest.spec.ingressClassName) ?? 'ingress'
        : istio ? 'istio-ingressgateway' : scalarText(manifest.spec.gatewayClassName) ?? 'gateway-api';
    const element = addElement(system, toId(manifest.name), 'gateway', manifest.origin, technology);
    if (element.id !== manifest.name) element.label = manifest.name;
    element.properties.set('exposure', 'public');
    const tls = manifest.kind === 'Ingress' ? Array.isArray(manifest.spec.tls) && manifest.spec.tls.length > 0 : hasTlsListener(manifest.spec.servers ?? manifest.spec.listeners);
    if (tls) element.properties.set('tls', true);
    if (manifest.kind === 'Ingress') {
        for (const backend of ingressBackends(manifest.spec)) link(system, element.id, backend, manifest.origin);
    }
    return element.id;
}

function hasTlsListener(listeners: Data | undefined): boolean {
    return Array.isArray(listeners) && listeners.filter(isRecord).some(l => isRecord(l.tls) || scalarText(isRecord(l.port) ? l.port.protocol : l.protocol) === 'HTTPS');
}

function ingressBackends(spec: Record<string, Data>): string[] {
    const names: string[] = [];
    const backendName = (backend: Data | undefined) => isRecord(backend) ? scalarText(isRecord(backend.service) ? backend.service.name : backend.serviceName) : undefined;
    const fallback = backendName(spec.defaultBackend ?? spec.backend);
    if (fallback) names.push(fallback);
    for (const rule of Array.isArray(spec.rules) ? spec.rules.filter(isRecord) : []) {
        const paths = isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths.filter(isRecord) : [];
        for (const p of paths) {
            const name = backendName(p.backend);
            if (name) names.push(name);
        }
    }
    return names;
}

let resolveHost: ResolveHost = () => undefined;

function link(system: ImportedSystem, gatewayId: string, host: string, origin: string): void {
    const target = resolveHost(host);
    if (!target) return;
    const relation = addRelation(system, gatewayId, target, '->', origin);
    if (relation) relation.protocol ??= 'http';
}

/** Routes are read after every workload and Service, so hosts can be resolved. */
export function setRouteResolver(resolve: ResolveHost): void {
    resolveHost = resolve;
}

/** Gateway API HTTPRoute / GRPCRoute: from each parent Gateway to each backend. */
export function importRoute(manifest: Manifest, system: ImportedSystem): void {
    const parents = (Array.isArray(manifest.spec.parentRefs) ? manifest.spec.parentRefs.filter(isRecord) : []).map(p => scalarText(p.name)).filter((n): n is string => !!n);
    for (const rule of Array.isArray(manifest.spec.rules) ? manifest.spec.rules.filter(isRecord) : []) {
        for (const backend of Array.isArray(rule.backendRefs) ? rule.backendRefs.filter(isRecord) : []) {
            const name = scalarText(backend.name);
            if (!name) continue;
            for (const parent of parents) {
                const gatewayId = addElement(system, toId(parent), 'gateway', manifest.origin, 'gateway-api').id;
                link(system, gatewayId, name, manifest.origin);
                const relation = system.relations.get(`${gatewayId}\u0000${resolveHost(name)}`);
                if (relation && manifest.kind === 'GRPCRoute') relation.protocol = 'grpc';
            }
        }
    }
}

export { hostToName };
