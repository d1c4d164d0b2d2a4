import type { ImportedElement } from '../imported-system.js';
import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';

const RUNTIME_SOCKETS = /(^|\/)(docker|containerd|podman)\.sock$/;

/**
 * What a Compose service may do on its host, as the model's properties: `privileged`,
 * `root` (`user: root` or `0`, or another user: not root; no `user`: unknown, the image
 * decides), `docker-socket` (a bind mount of a runtime socket) and `host-mount` (any other
 * bind mount of a host path; named volumes are not the host's files).
 */
export function importComposePrivileges(definition: Record<string, Data>, element: ImportedElement): void {
    if (definition.privileged === true) element.properties.set('privileged', true);
    const user = scalarText(definition.user);
    if (user) element.properties.set('root', /^(root|0)(:|$)/.test(user));
    for (const source of bindSources(definition.volumes)) {
        element.properties.set(RUNTIME_SOCKETS.test(source) ? 'docker-socket' : 'host-mount', true);
    }
}

/** Host paths bound into the container: `./data:/data`, `/var/run/docker.sock:/…`, `{ type: bind, source }`. */
function bindSources(volumes: Data | undefined): string[] {
    const sources: string[] = [];
    for (const volume of Array.isArray(volumes) ? volumes : []) {
        if (isRecord(volume)) {
            const source = scalarText(volume.source);
            if (volume.type === 'bind' && source) sources.push(source);
            continue;
        }
        const parts = (scalarText(volume) ?? '').split(':');
        // `name:/path` is a named volume; a host path starts with `/`, `.` or `~`.
        if (parts.length >= 2 && /^[/.~]/.test(parts[0])) sources.push(parts[0]);
    }
    return sources;
}
