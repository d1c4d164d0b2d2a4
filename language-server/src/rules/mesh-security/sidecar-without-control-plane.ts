import type { ArchModel } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';

/** The groups that directly hold a control plane: one pass over the groups, not one per sidecar. */
function groupsWithControlPlane(model: ArchModel): Set<string | undefined> {
    const result = new Set<string | undefined>();
    for (const g of model.groups.values()) if (g.kind === 'control-plane') result.add(g.parentId);
    return result;
}

/** A proxy nobody configures: routes, certificates and policies stay whatever it started with. */
export const sidecarWithoutControlPlane: Rule = {
    id: 'sidecar-without-control-plane',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'A sidecar is neither in a mesh with a control plane nor linked to one.',
    explanation: 'Sidecars get their routes, certificates and policies from a control plane (Istio\'s Pilot, ' +
        'Citadel and Galley). Without one, someone configures every proxy by hand, certificates are never ' +
        'rotated and a policy change is a redeploy. Put the service in a `mesh` with a `control-plane`, or ' +
        'link the sidecar to the control plane that configures it.',
    check(model) {
        const findings: Finding[] = [];
        let controlled: Set<string | undefined> | undefined;
        for (const sidecar of model.elements.values()) {
            if (sidecar.kind !== 'sidecar' || sidecar.hostId === undefined) continue;
            const mesh = enclosing(model, sidecar.hostId, 'mesh');
            if (mesh && (controlled ??= groupsWithControlPlane(model)).has(mesh.id)) continue;
            const linked = [...(model.outgoing.get(sidecar.id) ?? []), ...(model.incoming.get(sidecar.id) ?? [])]
                .some(r => {
                    const other = r.sourceId === sidecar.id ? r.targetId : r.sourceId;
                    const g = model.groups.get(other);
                    return g?.kind === 'control-plane' || enclosing(model, other, 'control-plane') !== undefined;
                });
            if (linked) continue;
            const where = mesh ? `mesh '${mesh.id}' has no control plane` : `'${sidecar.hostId}' is in no mesh`;
            findings.push({
                target: element(sidecar.id),
                message: `Sidecar '${sidecar.id}' has no control plane to configure it: ${where}.`,
                related: [{ target: element(sidecar.hostId), message: `'${sidecar.id}' runs beside '${sidecar.hostId}'` }],
            });
        }
        return findings;
    },
};

