import { NodeFileSystem } from 'langium/node';
import { createArchServices } from '../arch-module.js';
import { diffDiagramModel } from '../diff/diff-diagram-model.js';
import type { ModelDiff } from '../diff/diff-types.js';
import { formatDiffHtml } from '../diff/format-diff-html.js';
import type { ArchModel } from '../model/model-types.js';

/**
 * `archsight diff --format svg|html`: the new architecture with the removed parts put back
 * where they were, drawn by the diagram service with the changes marked.
 */
export async function renderDiffDiagram(
    before: ArchModel, after: ArchModel, diff: ModelDiff, options: { format: 'svg' | 'html'; theme: 'light' | 'dark' },
): Promise<string> {
    const { model, changes } = diffDiagramModel(before, after, diff);
    const generator = createArchServices(NodeFileSystem).Arch.diagram.DiagramGenerator;
    const result = await generator.generate(model, { view: 'all', direction: 'RIGHT', theme: options.theme, legend: true, changes });
    return options.format === 'svg' ? result.svg : formatDiffHtml(diff, result.svg, options.theme);
}
