import { ELEMENT_KINDS } from '../../model/kinds.js';
import type { CheckContext } from '../check-context.js';

/** Layers live in monoliths, control planes in meshes, sidecars beside workloads, owners on data stores. */
export function checkPlacement({ model, report }: CheckContext): void {
    for (const group of model.groups.values()) {
        const parent = group.parentId ? model.groups.get(group.parentId) : undefined;
        const at = { uri: group.location.uri, node: group.node, property: 'kind' };
        if (group.kind === 'layer' && parent?.kind !== 'monolith') {
            report('error', `Layer '${group.id}' must be declared inside a monolith.`, 'misplaced-declaration', at);
        }
        if (group.kind === 'control-plane' && parent?.kind !== 'mesh') {
            report('error', `Control plane '${group.id}' must be declared inside a mesh.`, 'misplaced-declaration', at);
        }
    }
    for (const element of model.elements.values()) {
        const at = { uri: element.location.uri, node: element.node };
        if (element.kind === 'sidecar' && element.hostId === undefined) {
            report('warning', `Sidecar '${element.id}' runs beside a service: declare it inside that service's braces.`, 'misplaced-declaration', { ...at, property: 'kind' });
        }
        if (element.hostId !== undefined) {
            const host = model.elements.get(element.hostId);
            if (host && !ELEMENT_KINDS[host.kind].workload && host.kind !== 'gateway') {
                report('error', `A sidecar runs beside a service, function, gateway or component, not a ${host.kind}.`, 'misplaced-declaration', { ...at, property: 'kind' });
            }
        }
        for (const libraryId of element.libraryIds) {
            const library = model.elements.get(libraryId);
            if (library && library.kind !== 'library') {
                report('error', `'${element.id}' uses '${libraryId}', which is a ${library.kind}, not a library.`, 'relation-ends', at);
            }
        }
        const ownerNode = element.node.owners[0];
        if (ownerNode && !ELEMENT_KINDS[element.kind].dataStore) {
            report('error', `Only data stores (database, cache, storage) have an owner; '${element.id}' is a ${element.kind}.`, 'misplaced-declaration', { uri: element.location.uri, node: ownerNode });
        }
        const owner = element.ownerId ? model.elements.get(element.ownerId) : undefined;
        if (ownerNode && element.ownerId && !owner) {
            report('error', `The owner of '${element.id}' must be a service, not the group '${element.ownerId}'.`, 'relation-ends', { uri: element.location.uri, node: ownerNode, property: 'service' });
        } else if (ownerNode && owner && !ELEMENT_KINDS[owner.kind].workload) {
            report('error', `The owner of '${element.id}' must be a service or function, not a ${owner.kind}.`, 'relation-ends', { uri: element.location.uri, node: ownerNode, property: 'service' });
        }
    }
}
