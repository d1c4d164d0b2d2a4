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
    if (raw.named !== undefined && typeof raw.named !== 'string') return 'named must be the id of a view.';
    if (raw.flow !== undefined && typeof raw.flow !== 'string') return 'flow must be the id of a flow.';
    if (raw.as !== undefined && raw.as !== 'diagram' && raw.as !== 'sequence') return 'as must be diagram or sequence.';
    if (raw.renderWhenStale !== undefined && typeof raw.renderWhenStale !== 'boolean') return 'renderWhenStale must be true or false.';
    if (raw.chooseDirection !== undefined && typeof raw.chooseDirection !== 'boolean') return 'chooseDirection must be true or false.';
    if (raw.zoomable !== undefined && typeof raw.zoomable !== 'boolean') return 'zoomable must be true or false.';
    if (raw.hint !== undefined && typeof raw.hint !== 'string') return 'hint must be the id of an element or group.';
    const cursor = raw.cursor as Record<string, unknown> | undefined;
    if (cursor !== undefined && (typeof cursor !== 'object' || cursor === null || !isIndex(cursor.line) || !isIndex(cursor.character))) return 'cursor must be { line, character }, whole numbers from 0.';
    if (raw.pane !== undefined && !isPane(raw.pane)) return 'pane must be { width, height } in pixels, each from 1 to 100000.';
    if (raw.level !== undefined && raw.level !== 'auto' && raw.level !== 'full' && !(Number.isInteger(raw.level) && (raw.level as number) >= 0 && (raw.level as number) <= 100)) return 'level must be auto, full or a whole number from 0 to 100.';
    if (raw.undeclaredCalls !== undefined && !isCallList(raw.undeclaredCalls)) return 'undeclaredCalls must be a list of { sourceId, targetId, arrow } with arrow -> or ~>.';
    if (raw.expand !== undefined && (!Array.isArray(raw.expand) || raw.expand.length > 10_000 || !raw.expand.every(id => typeof id === 'string'))) return 'expand must be a list of group ids.';
    if (raw.changesSince !== undefined && (typeof raw.changesSince !== 'string' || !/^[\w.~^/@{}-]{1,100}$/.test(raw.changesSince) || raw.changesSince.startsWith('-'))) {
        return 'changesSince must name a git revision, such as HEAD.';
    }
    return undefined;
}

/** Whether `value` is a pane the preview could report: `{ width, height }`, each from 1 to 100000 px. */
export function isPane(value: unknown): value is NonNullable<DiagramOptions['pane']> {
    const pane = value as Record<string, unknown> | null;
    return typeof pane === 'object' && pane !== null && isSize(pane.width) && isSize(pane.height);
}

function isCallList(value: unknown): boolean {
    return Array.isArray(value) && value.length <= 10_000 && value.every(call => typeof call === 'object' && call !== null
        && typeof call.sourceId === 'string' && typeof call.targetId === 'string' && (call.arrow === '->' || call.arrow === '~>'));
}

function isIndex(value: unknown): boolean {
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10_000_000;
}

function isSize(value: unknown): boolean {
    return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 100_000;
}
