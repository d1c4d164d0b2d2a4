import { element, group, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { freshId } from '../analysis/fix-names.js';
import { elementsInside, enclosing } from '../analysis/graph.js';

/** A mesh member whose traffic does not pass a proxy gets none of what the mesh promises. */
export const missingSidecar: Rule = {
    id: 'missing-sidecar',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'A service inside a mesh has no sidecar.',
    explanation: 'A mesh gives its members mTLS, retries, timeouts, circuit breaking and telemetry through the ' +
        'sidecar proxy beside each of them. A member without a sidecar talks in plain text, is invisible to ' +
        'the mesh\'s telemetry and gets none of its policies. Declare its sidecar (`sidecar ordersProxy : envoy` ' +
        'inside its braces), or move it out of the mesh.',
    check(model) {
        const findings: Finding[] = [];
        const taken = new Set<string>();
        for (const e of model.elements.values()) {
            if ((e.kind !== 'service' && e.kind !== 'component') || e.sidecarIds.length > 0 || e.properties.external === true) continue;
            const mesh = enclosing(model, e.id, 'mesh');
            if (!mesh || enclosing(model, e.id, 'control-plane')) continue;
            const technology = elementsInside(model, mesh.id).find(s => s.kind === 'sidecar' && s.technology)?.technology ?? 'envoy';
            const sidecarId = freshId(model, `${e.id}Proxy`, taken);
            taken.add(sidecarId);
            findings.push({
                target: element(e.id),
                message: `'${e.id}' is in mesh '${mesh.id}' but has no sidecar: its traffic bypasses the mesh.`,
                related: [{ target: group(mesh.id), message: `mesh '${mesh.id}'` }],
                fixes: [{ kind: 'add-sidecar', title: `Add sidecar '${sidecarId}' to '${e.id}'`, elementId: e.id, sidecarId, technology }],
            });
        }
        return findings;
    },
};
