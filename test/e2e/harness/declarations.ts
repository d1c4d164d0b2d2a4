import { ELEMENT_KINDS, GROUP_KINDS, type ElementKind } from '../../../language-server/src/model/kinds.js';
import { withoutComments } from './source.js';

export interface Declaration {
    readonly kind: string;
    readonly id: string;
}

/** Every element and group a file declares, read from its text: `kind id ...`. */
export function declarations(text: string): Declaration[] {
    const kinds = [...Object.keys(ELEMENT_KINDS), ...Object.keys(GROUP_KINDS)].join('|');
    const pattern = new RegExp(`^\\s*(${kinds})\\s+(\\w+)`, 'gm');
    return [...withoutComments(text).matchAll(pattern)].map(m => ({ kind: m[1], id: m[2] }));
}

/** A call (`->`) reaches anything but its source, clients, timers and observability (which `..>` reaches). */
export function callable(declaration: Declaration, source: string): boolean {
    const kind = ELEMENT_KINDS[declaration.kind as ElementKind];
    if (declaration.id === source) return false;
    return !kind || !(kind.tier === 'client' || kind.tier === 'observability' || declaration.kind === 'timer');
}

/** The ids that completion must offer after `source -> `, sorted. */
export function callableIds(text: string, source: string): string[] {
    return declarations(text).filter(d => callable(d, source)).map(d => d.id).sort();
}
