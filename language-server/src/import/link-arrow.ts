import { recognise } from './technology.js';
import { scalarText } from './yaml-input.js';
import type { Data } from './yaml-input.js';

/** A link to a broker is a message (`~>`); to anything else a request (`->`). */
export function linkArrow(services: readonly { name: string; definition: Record<string, Data> }[], target: string): '->' | '~>' {
    const definition = services.find(s => s.name === target)?.definition;
    const kind = recognise(definition ? scalarText(definition.image) : undefined, target)?.kind;
    return kind === 'bus' || kind === 'queue' ? '~>' : '->';
}
