import type { ArchModel, ModelGroup } from '../../model/model-types.js';
import { group, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';

function layerOf(model: ArchModel, id: string): ModelGroup | undefined {
    const own = model.groups.get(id);
    return own?.kind === 'layer' ? own : enclosing(model, id, 'layer');
}

/** A layered monolith whose upper layers reach past the one below lose what layering buys. */
export const layerSkipping: Rule = {
    id: 'layer-skipping',
    group: 'structure',
    defaultSeverity: 'warning',
    description: 'In a monolith, an element uses a layer further down than the one directly below its own.',
    explanation: 'Layers let a team change the data access or the database without touching presentation, ' +
        'because each layer talks only to the one below it. A call that skips a layer couples the top to the ' +
        'bottom, and the layer in between stops being the single place where its rules hold. Go through the ' +
        'layer below (add the operation there).',
    check(model) {
        const findings: Finding[] = [];
        for (const r of model.relations) {
            if (r.kind !== 'sync' && r.kind !== 'async') continue;
            const from = layerOf(model, r.sourceId);
            const to = layerOf(model, r.targetId);
            if (!from || !to || from.parentId === undefined || from.parentId !== to.parentId) continue;
            const layers = model.groups.get(from.parentId)!.groupIds.filter(id => model.groups.get(id)?.kind === 'layer');
            const i = layers.indexOf(from.id);
            const j = layers.indexOf(to.id);
            if (j <= i + 1) continue;
            const skipped = layers.slice(i + 1, j);
            findings.push({
                target: relation(r.id),
                message: `'${r.sourceId}' in layer '${from.id}' uses '${r.targetId}' in layer '${to.id}', skipping ${skipped.length === 1 ? 'layer' : 'layers'} ${skipped.map(s => `'${s}'`).join(' and ')}.`,
                related: skipped.map(id => ({ target: group(id), message: `layer '${id}' is skipped` })),
            });
        }
        return findings;
    },
};
