import type { ArchModel } from '../model/model-types.js';
import type { ModelFlow, ModelFlowStep } from '../model/view-types.js';
import { flowParticipants } from '../flows/flow-selection.js';
import { frameBlocks } from '../flows/sequence-blocks.js';

/**
 * A flow as a Mermaid `sequenceDiagram` (`archsight render --flow f --as sequence --format
 * mermaid`): participants in the order they first appear, `->>` for a call, `-)` for a
 * message, `--)` for the answer to an awaited message, `par … and … end` and `opt … end`
 * as the SVG draws them. Text is written with Mermaid's entity codes, so a label cannot
 * end a line, start a comment or close a block.
 */
export function toMermaidSequence(model: ArchModel, flow: ModelFlow): string {
    const ids = flowParticipants(flow);
    const alias = new Map(ids.map((id, i) => [id, `p${i}`]));
    const title = model.title ? `${model.title}: ${flow.label}` : flow.label;
    // The title as the flowchart export writes it: front matter, a JSON string.
    const lines = ['---', `title: ${JSON.stringify(title.replace(/[\u0000-\u001F\u007F\u2028\u2029]/g, ' '))}`, '---', 'sequenceDiagram'];
    for (const id of ids) {
        const element = model.elements.get(id);
        const label = element?.label ?? model.groups.get(id)?.label ?? id;
        lines.push(`  participant ${alias.get(id)} as ${text(element?.technology ? `${label} [${element.technology}]` : label)}`);
    }
    const steps = flow.steps.filter(s => s.sourceId !== undefined && s.targetId !== undefined).map(step => ({ step }));
    const message = (step: ModelFlowStep, indent: string) => {
        const from = alias.get(step.sourceId!)!;
        const to = alias.get(step.targetId!)!;
        const arrow = step.kind === 'sync' ? '->>' : step.kind === 'observe' ? '--)' : '-)';
        const relation = step.relationId !== undefined ? model.relations.find(r => r.id === step.relationId) : undefined;
        const label = step.label ?? relation?.label ?? relation?.protocol ?? '';
        lines.push(`${indent}${from}${arrow}${to}: ${text(label ? `${step.number}. ${label}` : step.number)}`);
        if (step.awaited && step.kind !== 'sync') lines.push(`${indent}${to}--)${from}: ${text(`answer to ${step.number}`)}`);
    };
    const optional = (step: ModelFlowStep, indent: string) => {
        if (!step.optional) return message(step, indent);
        lines.push(`${indent}opt ${text(`step ${step.number}`)}`);
        message(step, indent + '  ');
        lines.push(`${indent}end`);
    };
    for (const block of frameBlocks(steps)) {
        if (block.length === 1) {
            optional(block[0].step, '  ');
            continue;
        }
        block.forEach(({ step }, i) => {
            lines.push(i === 0 ? `  par ${text(`steps ${block.map(b => b.step.number).join(', ')}`)}` : '  and');
            optional(step, '    ');
        });
        lines.push('  end');
    }
    return lines.join('\n') + '\n';
}

/** Mermaid text: control characters become spaces, characters it reads as syntax entity codes. */
function text(value: string): string {
    return value.replace(/[\u0000-\u001F\u007F\u2028\u2029]/g, ' ').replace(/[#;:<>&"`%{}]/g, ch => `#${ch.codePointAt(0)};`);
}
