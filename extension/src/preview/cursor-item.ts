import type { Position } from 'vscode-languageserver-types';
import type { DiagramItem } from '../../../language-server/src/diagram/diagram-types.js';
import { innermostContaining } from '../../../language-server/src/lsp/innermost-range.js';

/**
 * The diagram item the cursor is in: of the items declared in `uri` whose whole
 * declaration holds the cursor, the innermost (a sidecar rather than its service, a
 * service rather than the mesh around it).
 */
export function itemAtCursor(items: readonly DiagramItem[], uri: string, cursor: Position): DiagramItem | undefined {
    return innermostContaining(items.filter(item => item.uri === uri), item => item.fullRange, cursor);
}
