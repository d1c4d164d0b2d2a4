import { hostToName, toId } from '../ids.js';
import type { ImportedSystem } from '../imported-system.js';
import { addElement, addRelation, addRoutePolicy, noteOnce } from '../imported-system.js';
import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';
import type { Manifest } from './manifest-types.js';

/** Resolves a host or Service name to an element id, or undefined when nothing runs it. */
export type ResolveHost = (host: string) => string | undefined;

/** An Istio duration (`5s`, `0.5s`, `250ms`) as the language writes it, or undefined. */
function duration(value: Data | undefined): string | undefined {
    const text = scalarText(value);
    if (!text || !/^\d+(\.\d+)?(ms|s|m|h)$/.test(text)) return undefined;
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text)!;
    // `0.5s` is not a duration the language reads; write it in milliseconds.
    return m[1].includes('.') ? `${Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as 'ms'])}ms` : text;
}

/**
 * VirtualService routes: timeouts and retries for every caller (the `mesh` gateway) or on
 * the route from an ingress Gateway to the destination.
 */
export function importVirtualService(manifest: Manifest, system: ImportedSystem, resolve: ResolveHost): void {
    const gateways = (Array.isArray(manifest.spec.gateways) ? manifest.spec.gateways : ['mesh']).map(g => scalarText(g) ?? '');
    for (const route of Array.isArray(manifest.spec.http) ? manifest.spec.http.filter(isRecord) : []) {
        const timeout = duration(route.timeout);
        const retries = isRecord(route.retries) ? Number(route.retries.attempts) : undefined;
        const destinations = (Array.isArray(route.route) ? route.route.filter(isRecord) : [])
            .map(r => isRecord(r.destination) ? scalarText(r.destination.host) : undefined)
            .map(h => h ? resolve(h) : undefined)
            .filter((id): id is string => !!id);
        for (const target of new Set(destinations)) {
            for (const gateway of gateways) {
                if (gateway === 'mesh') {
                    if (timeout) addRoutePolicy(system, target, 'timeout', timeout, manifest.origin);
                    if (retries !== undefined && Number.isInteger(retries)) addRoutePolicy(system, target, 'retries', retries, manifest.origin);
                    continue;
                }
                const gatewayId = toId(hostToName(gateway.split('/').pop() ?? gateway));
                addElement(system, gatewayId, 'gateway', manifest.origin, 'istio-ingressgateway');
                const relation = addRelation(system, gatewayId, target, '->', manifest.origin);
                relation!.protocol ??= 'http';
                if (timeout) relation!.properties.set('timeout', timeout);
                if (retries !== undefined && Number.isInteger(retries)) relation!.properties.set('retries', retries);
            }
        }
    }
}

/** DestinationRule: connection pools and outlier detection are a circuit breaker; ISTIO_MUTUAL is mTLS. */
export function importDestinationRule(manifest: Manifest, system: ImportedSystem, resolve: ResolveHost): void {
    const host = scalarText(manifest.spec.host);
    const target = host ? resolve(host) : undefined;
    if (!target) {
        noteOnce(system, `${manifest.origin}: host ${host ?? '(none)'} is not a workload of the manifests read; its policies are left out.`);
        return;
    }
    const policies = [manifest.spec.trafficPolicy, ...(Array.isArray(manifest.spec.subsets) ? manifest.spec.subsets.filter(isRecord).map(s => s.trafficPolicy) : [])].filter(isRecord);
    for (const policy of policies) {
        if (isRecord(policy.outlierDetection) || isRecord(policy.connectionPool)) addRoutePolicy(system, target, 'breaker', true, manifest.origin);
        const mode = isRecord(policy.tls) ? scalarText(policy.tls.mode) : undefined;
        if (mode === 'ISTIO_MUTUAL' || mode === 'MUTUAL') addRoutePolicy(system, target, 'mtls', true, manifest.origin);
    }
}

/** PeerAuthentication STRICT: every call in the mesh is mTLS. */
export function importPeerAuthentication(manifest: Manifest, system: ImportedSystem): void {
    const mode = isRecord(manifest.spec.mtls) ? scalarText(manifest.spec.mtls.mode) : undefined;
    if (mode === 'STRICT' && !isRecord(manifest.spec.selector)) system.meshProperties.set('mtls', true);
}
