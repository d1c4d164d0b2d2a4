import type { ElementKind } from '../model/kinds.js';
import type { ArchModel } from '../model/model-types.js';
import { FONT, textWidth, truncate } from '../diagram/measure.js';
import type { ElementText } from '../diagram/node-content.js';

/**
 * A sequence diagram's participant boxes are narrower than the architecture diagram's, so
 * that a dozen lifelines fit a side pane: the name wraps at `text` px, and an id-like word
 * too wide for a line ("sendConfirmation") breaks before a capital ("send" / "Confirmation");
 * the technology is cut to the name's width (at least `minTechnology`; the tooltip has it whole).
 */
export const PARTICIPANT = { text: 96, minTechnology: 80, maxLines: 3, minWidth: 88 } as const;

export function participantText(model: ArchModel, id: string): { kind: ElementKind; text: ElementText; title: string } {
    const element = model.elements.get(id);
    const group = model.groups.get(id);
    const kind: ElementKind = element?.kind ?? 'component';
    const label = element?.label ?? group?.label ?? id;
    const technology = element?.technology ?? group?.technology;
    const lines = nameLines(label);
    const width = Math.max(PARTICIPANT.minTechnology, ...lines.map(l => textWidth(l, FONT.label)));
    return {
        kind,
        text: { lines, technology: technology ? truncate(technology, width, FONT.technology) : undefined },
        title: `${label}${technology ? ` : ${technology}` : ''} (${id})`,
    };
}

/** The name on lines no wider than `PARTICIPANT.text` where words allow; past `maxLines`, the last line is cut. */
export function nameLines(label: string): string[] {
    const pieces = label.trim().split(/\s+/).filter(w => w.length > 0).flatMap((word, i) => {
        const parts = textWidth(word, FONT.label) > PARTICIPANT.text ? word.split(/(?<=[a-z0-9])(?=[A-Z])/) : [word];
        return parts.map((text, j) => ({ text, glued: i === 0 || j > 0 }));
    });
    const lines: string[] = [];
    let current = '';
    for (const piece of pieces) {
        const candidate = current + (current && !piece.glued ? ' ' : '') + piece.text;
        if (!current || textWidth(candidate, FONT.label) <= PARTICIPANT.text) current = candidate;
        else {
            lines.push(current);
            current = piece.text;
        }
    }
    lines.push(current);
    if (lines.length <= PARTICIPANT.maxLines) return lines;
    const width = Math.max(...lines.map(l => textWidth(l, FONT.label)));
    return [...lines.slice(0, PARTICIPANT.maxLines - 1), truncate(lines.slice(PARTICIPANT.maxLines - 1).join(' '), width, FONT.label)];
}
