import { ELEMENT_KINDS } from '../model/kinds.js';
import type { DiagramOptions } from '../diagram/diagram-types.js';
import { arrowHead } from '../diagram/edge-paths.js';
import { drawIcon } from '../diagram/icons.js';
import { FONT } from '../diagram/measure.js';
import { contentFrame } from '../diagram/node-content.js';
import { drawShape, SHAPE_OF_KIND } from '../diagram/shapes.js';
import { diagramStylesheet } from '../diagram/styles.js';
import { escapeXml, num } from '../diagram/xml.js';
import type { Point } from '../diagram/graph-types.js';
import { SEQUENCE, type SequenceFrame, type SequenceLayout, type SequenceMessage, type SequenceParticipant } from './sequence-layout.js';
import { stepText } from './flow-marks.js';

/**
 * Draws a laid-out sequence diagram with the architecture diagram's stylesheet: the
 * participants as the elements' own boxes (`node kind-…`), messages as edges
 * (`edge rel-…`, `data-id="step:<number>"`), frames and lifelines with classes of their own.
 */

export interface SequenceHeader {
    readonly title?: string;
    /** Where the title's baseline sits; the layout starts below it. */
    readonly baseline: number;
}

export function sequenceSvg(layout: SequenceLayout, theme: DiagramOptions['theme'], header: SequenceHeader, width: number, height: number, budgets: readonly (string | undefined)[]): string {
    const style = theme === 'vscode' ? '' : `<style><![CDATA[\n${diagramStylesheet(theme)}]]></style>`;
    const title = header.title ? `<title>${escapeXml(header.title)}</title>` : '';
    return `<svg xmlns="http://www.w3.org/2000/svg" class="archsight-diagram archsight-sequence theme-${theme}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`
        + title + style
        + `<rect class="diagram-background" width="${width}" height="${height}"/>`
        + (header.title ? `<text class="sequence-title" x="${SEQUENCE.margin}" y="${header.baseline}">${escapeXml(header.title)}</text>` : '')
        + `<g class="lifelines">${layout.participants.map(p => `<line class="lifeline" data-id="${escapeXml(p.id)}" x1="${num(p.x)}" y1="${num(p.box.y + p.box.height)}" x2="${num(p.x)}" y2="${num(layout.lifelineBottom)}"/>`).join('')}</g>`
        + `<g class="frames">${layout.frames.map(drawFrame).join('')}</g>`
        + `<g class="participants">${layout.participants.map(drawParticipant).join('')}</g>`
        + `<g class="messages">${layout.messages.map(m => drawMessage(m, budgets[m.index])).join('')}</g>`
        + '</svg>\n';
}

function drawParticipant(p: SequenceParticipant): string {
    const { box, kind, text } = p;
    const frame = contentFrame(kind, box.width, box.height, text);
    const texts = text.lines.map((line, i) => `<text class="label" x="${frame.textX}" y="${frame.baselines[i]}">${escapeXml(line)}</text>`);
    if (text.technology) texts.push(`<text class="technology" x="${frame.textX}" y="${frame.baselines[text.lines.length]}">${escapeXml(text.technology)}</text>`);
    return `<g class="node participant kind-${kind} tier-${ELEMENT_KINDS[kind].tier}" data-id="${escapeXml(p.id)}" transform="translate(${num(box.x)} ${num(box.y)})">`
        + `<title>${escapeXml(p.title)}</title>`
        + drawShape(SHAPE_OF_KIND[kind], box.width, box.height)
        + drawIcon(kind, frame.iconX, frame.iconY)
        + texts.join('')
        + '</g>';
}

function drawFrame(f: SequenceFrame): string {
    const { box, tag } = f;
    const notch = 6;
    const tagPath = `M${num(tag.x)} ${num(tag.y)}H${num(tag.x + tag.width)}V${num(tag.y + tag.height - notch)}L${num(tag.x + tag.width - notch)} ${num(tag.y + tag.height)}H${num(tag.x)}Z`;
    return `<g class="frame frame-${f.kind}">`
        + `<rect class="frame-box" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}"/>`
        + `<path class="frame-tag" d="${tagPath}"/>`
        + `<text class="frame-tag-text" x="${num(tag.x + 7)}" y="${num(tag.y + 13)}">${f.kind}</text>`
        + f.dividers.map(y => `<line class="frame-divider" x1="${num(box.x)}" y1="${num(y)}" x2="${num(box.x + box.width)}" y2="${num(y)}"/>`).join('')
        + '</g>';
}

function drawMessage(m: SequenceMessage, budget: string | undefined): string {
    const points = messagePoints(m);
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
    const classes = ['edge', 'message', `rel-${m.kind}`, ...(m.step.optional ? ['optional'] : []), ...(m.answer ? ['answer'] : []), ...(m.step.awaited ? ['flow-awaited'] : [])];
    const id = `step:${m.step.number}${m.answer ? ':answer' : ''}`;
    const title = m.answer ? `The answer to step ${m.step.number}, which the flow waits for` : `${stepText(m.step)}${budget ? `\nBudget: ${budget}` : ''}`;
    let label = '';
    if (m.labelBox) {
        const box = m.labelBox;
        const x = box.x + box.width / 2;
        label = `<g class="edge-label"><rect class="edge-label-bg" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="3"/>`
            + m.lines.map((line, i) => `<text x="${num(x)}" y="${num(box.y + 2 + i * FONT.edgeLabel.lineHeight + 11)}">${escapeXml(line)}</text>`).join('')
            + '</g>';
    }
    const relation = m.step.relationId !== undefined ? ` data-relation="${escapeXml(m.step.relationId)}"` : '';
    return `<g class="${classes.join(' ')}" data-id="${escapeXml(id)}" data-step="${escapeXml(m.step.number)}"${relation}>`
        + `<title>${escapeXml(title)}</title>`
        + `<path class="edge-hit" d="${d}"/>`
        + `<path class="edge-line" d="${d}"/>`
        + arrowHead(m.kind, points)
        + label
        + '</g>';
}

/** A message's route: straight across, or out, down and back for a message to itself. */
export function messagePoints(m: SequenceMessage): Point[] {
    if (m.fromX !== m.toX) return [{ x: m.fromX, y: m.y }, { x: m.toX, y: m.y }];
    const out = m.fromX + SEQUENCE.selfWidth;
    return [{ x: m.fromX, y: m.y }, { x: out, y: m.y }, { x: out, y: m.y + SEQUENCE.selfDrop }, { x: m.toX, y: m.y + SEQUENCE.selfDrop }];
}
