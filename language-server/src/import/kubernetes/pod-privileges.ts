import type { ImportedElement, ImportedSystem } from '../imported-system.js';
import { noteOnce } from '../imported-system.js';
import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';

/** Host paths that hand a container the container runtime: whoever has it has the host. */
const RUNTIME_SOCKETS = /(^|\/)(docker|containerd|crio|podman)\.sock$/;

/**
 * What a pod may do on its node, as the model's properties: `privileged` (a container's
 * `securityContext.privileged`), `root` (`runAsUser: 0` true, `runAsNonRoot: true` false,
 * a container's setting over the pod's), `docker-socket` (a hostPath volume of a runtime
 * socket) and `host-mount` (any other hostPath volume that a container mounts). The host
 * network and the service account have no property: they are notes.
 */
export function importPodPrivileges(spec: Record<string, Data>, containers: readonly Record<string, Data>[], element: ImportedElement, system: ImportedSystem, origin: string): void {
    const pod = isRecord(spec.securityContext) ? spec.securityContext : {};
    const contexts = containers.map(c => (isRecord(c.securityContext) ? c.securityContext : {}));
    if (contexts.some(c => c.privileged === true)) element.properties.set('privileged', true);
    const root = contexts.map(c => runsAsRoot(c) ?? runsAsRoot(pod));
    if (root.some(r => r === true)) element.properties.set('root', true);
    else if (root.length > 0 && root.every(r => r === false)) element.properties.set('root', false);
    const mounted = new Set(containers.flatMap(c => (Array.isArray(c.volumeMounts) ? c.volumeMounts.filter(isRecord).map(m => scalarText(m.name)) : [])));
    for (const volume of Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : []) {
        if (!isRecord(volume.hostPath) || !mounted.has(scalarText(volume.name))) continue;
        const hostPath = scalarText(volume.hostPath.path) ?? '';
        element.properties.set(RUNTIME_SOCKETS.test(hostPath) ? 'docker-socket' : 'host-mount', true);
    }
    if (spec.hostNetwork === true) noteOnce(system, `${element.id} runs on its node's network (${origin}: hostNetwork).`);
    const account = scalarText(spec.serviceAccountName);
    if (account && account !== 'default') noteOnce(system, `${element.id} runs as service account ${account} (${origin}).`);
}

/** `runAsUser: 0` is root; `runAsNonRoot: true` or another user is not; nothing said is unknown. */
function runsAsRoot(context: Record<string, Data>): boolean | undefined {
    if (context.runAsUser !== undefined && context.runAsUser !== null) return Number(context.runAsUser) === 0;
    if (context.runAsNonRoot === true) return false;
    return undefined;
}
