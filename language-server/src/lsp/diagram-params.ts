import type { DiagramOptions, DiagramView } from '../diagram/diagram-types.js';
import type { DiagramParams } from '../protocol.js';

const VIEWS: readonly DiagramView[] = ['all', 'calls', 'messaging', 'observability'];
const DIRECTIONS: ReadonlyArray<DiagramOptions['direction']> = ['RIGHT', 'DOWN'];
const THEMES: ReadonlyArray<DiagramOptions['theme']> = ['vscode', 'light', 'dark'];

/**
 * Why a diagram request cannot be drawn as asked, or undefined. `theme` and `direction`
 * end up in SVG attributes and class names: whoever sends the request (our extension, or
 * any client on the connection), only the allowed values get that far.
 */
export function checkDiagramParams(params: DiagramParams): string | undefined {
    const raw = params as unknown as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || typeof raw.uri !== 'string') return 'The request names no document.';
    if (!VIEWS.includes(raw.view as DiagramView)) return `Unknown view; use one of ${VIEWS.join(', ')}.`;
    if (!DIRECTIONS.includes(raw.direction as DiagramOptions['direction'])) return `Unknown direction; use one of ${DIRECTIONS.join(', ')}.`;
    if (!THEMES.includes(raw.theme as DiagramOptions['theme'])) return `Unknown theme; use one of ${THEMES.join(', ')}.`;
    if (typeof raw.legend !== 'boolean') return 'legend must be true or false.';
    if (raw.focus !== undefined && typeof raw.focus !== 'string') return 'focus must be the id of an element or group.';
    if (raw.renderWhenStale !== undefined && typeof raw.renderWhenStale !== 'boolean') return 'renderWhenStale must be true or false.';
    return undefined;
}
