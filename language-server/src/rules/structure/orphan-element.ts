import type { ArchModel, ModelElement } from '../../model/model-types.js';
import { ancestorGroups } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';

function connected(model: ArchModel, e: ModelElement): boolean {
    const ids = [e.id, ...e.sidecarIds, ...ancestorGroups(model, e.id).map(g => g.id)];
    if (ids.some(id => (model.outgoing.get(id)?.length ?? 0) > 0 || (model.incoming.get(id)?.length ?? 0) > 0)) return true;
    if (e.ownerId !== undefined) return true;
    return [...model.elements.values()].some(other => other.ownerId === e.id);
}

/** A box with no lines: either the diagram is missing something, or the system carries dead weight. */
export const orphanElement: Rule = {
    id: 'orphan-element',
    group: 'structure',
    defaultSeverity: 'info',
    description: 'Nothing connects to an element: no relation leads to or from it, its sidecars or its groups.',
    explanation: 'An element without relations is either a part of the system that nothing uses (remove it, ' +
        'and the cost of running it) or a sign that the architecture is missing the relations that explain ' +
        'why it is there. Add the relations, or remove the element. Sidecars (attached to their service) and ' +
        'control-plane members (which configure the mesh) are not expected to have relations, and neither are the ' +
        'declarations of a file without an `architecture` block, which other files import and connect.',
    check(model) {
        // A file of bare declarations (no `architecture` block) is meant to be imported: its relations live in the importers.
        if (model.title === undefined) return [];
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (e.hostId !== undefined || enclosing(model, e.id, 'control-plane') || connected(model, e)) continue;
            findings.push({
                target: element(e.id),
                message: `'${e.id}' is not connected to anything: no relation leads to or from it.`,
                fixes: [{ kind: 'remove-element', title: `Remove '${e.id}'`, elementId: e.id }],
            });
        }
        return findings;
    },
};
