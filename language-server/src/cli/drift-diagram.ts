import type { ArchServices } from '../arch-module.js';
import type { DriftFinding } from '../drift/drift-finding.js';
import { driftDiagramModel } from '../drift/drift-diagram-model.js';
import type { ArchModel } from '../model/model-types.js';

/**
 * `archsight drift --diagram out.svg`: the model with the calls that run but are not
 * declared drawn dashed in the finding colour, by the diagram service.
 */
export async function renderDriftDiagram(services: ArchServices, model: ArchModel, findings: readonly DriftFinding[], theme: 'light' | 'dark'): Promise<string> {
    const calls = findings.flatMap(f => (f.call ? [f.call] : []));
    const drawn = driftDiagramModel(model, calls);
    const result = await services.diagram.DiagramGenerator.generate(drawn.model, { view: 'all', direction: 'RIGHT', theme, legend: true, changes: drawn.changes });
    return result.svg;
}
