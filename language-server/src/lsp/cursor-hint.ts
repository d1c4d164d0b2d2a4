import type { Position } from 'vscode-languageserver-types';
import type { ArchModel } from '../model/model-types.js';
import { innermostContaining } from './innermost-range.js';

/**
 * The element or group declared at the editor's cursor in document `uri`: the innermost
 * declaration that holds it (a service rather than the system around it), or undefined.
 * The preview sends the cursor when it opens, so that the view opens on what the user is at.
 */
export function declarationAt(model: ArchModel, uri: string, cursor: Position): string | undefined {
    const declared = [...model.elements.values(), ...model.groups.values()].filter(d => d.location.uri === uri);
    return innermostContaining(declared, d => d.location.fullRange, cursor)?.id;
}
