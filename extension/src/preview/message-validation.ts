import type { DiagramChoice, DiagramView } from '../../../language-server/src/diagram/diagram-types.js';
import { safeHref } from '../../../language-server/src/diagram/safe-link.js';
import type { FromWebviewMessage, Pane, PreviewOptions, PreviewState } from '../../webview/messages.js';
import { DEFAULT_OPTIONS, DIRECTIONS, VIEWS } from './preview-options.js';

const PNG_PREFIX = 'data:image/png;base64,';
/** Larger than any PNG the export asks for (at most 16k × 16k pixels, compressed). */
const MAX_PNG_URL_LENGTH = 256 * 1024 * 1024;
const MAX_ERROR_LENGTH = 500;
/** Longer than any link worth following; a longer one is not opened. */
const MAX_HREF_LENGTH = 2048;
/** An id as the language writes it (`ID` in the grammar). */
const ID = /^[_a-zA-Z]\w{0,199}$/;

/**
 * Checks a message from the webview before the extension acts on it. The webview shows
 * text from the `.arch` file, so it is treated like any other untrusted input: only the
 * known message types, only ids the current diagram has, and a fresh object with only the
 * fields we read. Returns undefined for anything else.
 */
export function parseWebviewMessage(raw: unknown, knownIds: ReadonlySet<string>, choices: readonly DiagramChoice[] = []): FromWebviewMessage | undefined {
    if (!isRecord(raw)) return undefined;
    switch (raw.type) {
        case 'ready': {
            const pane = parsePane(raw.pane);
            return pane ? { type: 'ready', pane } : { type: 'ready' };
        }
        case 'pane': {
            const pane = parsePane(raw.pane);
            return pane && { type: 'pane', pane };
        }
        case 'openGroup':
            return typeof raw.id === 'string' && knownIds.has(raw.id) ? { type: 'openGroup', id: raw.id } : undefined;
        case 'back':
            return Number.isSafeInteger(raw.depth) && (raw.depth as number) >= 0 ? { type: 'back', depth: raw.depth as number } : undefined;
        case 'export':
            return { type: 'export' };
        case 'reveal':
            return typeof raw.id === 'string' && knownIds.has(raw.id) ? { type: 'reveal', id: raw.id } : undefined;
        case 'options': {
            const options = parseOptions(raw.options, knownIds, choices);
            return options && { type: 'options', options };
        }
        case 'png':
            return parsePng(raw);
        case 'openLink': {
            const href = parseHref(raw.href);
            return href === undefined ? undefined : { type: 'openLink', href };
        }
        default:
            return undefined;
    }
}

/**
 * The state a webview saved with `setState`, as VS Code hands it back after a reload: it
 * must name a document by a URI; options fall back to the defaults one by one. A focus is
 * dropped, since no diagram is there yet to check its id against.
 */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
    if (!isRecord(raw)) return undefined;
    const { uri, options } = raw;
    if (typeof uri !== 'string' || !isArchDocumentUri(uri)) return undefined;
    const saved = isRecord(options) ? options : {};
    return {
        uri,
        options: {
            view: VIEWS.includes(saved.view as DiagramView) ? saved.view as DiagramView : DEFAULT_OPTIONS.view,
            direction: DIRECTIONS.includes(saved.direction as PreviewOptions['direction']) ? saved.direction as PreviewOptions['direction'] : DEFAULT_OPTIONS.direction,
            legend: typeof saved.legend === 'boolean' ? saved.legend : DEFAULT_OPTIONS.legend,
            ...saved.sinceHead === true && { sinceHead: true },
            // No diagram yet to check them against: an id that is no longer declared draws the filter.
            ...typeof saved.named === 'string' && ID.test(saved.named) && { named: saved.named },
            ...typeof saved.flow === 'string' && ID.test(saved.flow) && { flow: saved.flow, ...saved.as === 'sequence' && { as: 'sequence' as const } },
        },
        ...Array.isArray(raw.opened) && { opened: raw.opened.filter((id): id is string => typeof id === 'string' && id.length <= 256).slice(0, 100) },
    };
}

/**
 * A saved preview names an `.arch` document: a file, an Untitled editor or a remote file,
 * never a command or a web address, and nothing after the name (a query, a fragment).
 */
export function isArchDocumentUri(uri: string): boolean {
    const match = /^(file|untitled|vscode-remote|vscode-vfs|vscode-userdata):([^?#]*)$/i.exec(uri);
    return match !== null && /\.arch$/i.test(match[2]);
}

/**
 * The address of a link clicked in the diagram when it may be opened: http, https or a path
 * relative to the file (`safe-link.ts`, as the SVG draws them); never `file:`, `javascript:`,
 * `command:` or a `//host` address.
 */
export function parseHref(raw: unknown): string | undefined {
    if (typeof raw !== 'string' || raw.length > MAX_HREF_LENGTH) return undefined;
    return safeHref(raw);
}

function parseOptions(raw: unknown, knownIds: ReadonlySet<string>, choices: readonly DiagramChoice[]): PreviewOptions | undefined {
    if (!isRecord(raw)) return undefined;
    const { view, direction, legend, focus, sinceHead, named, flow, as } = raw;
    const declared = (kind: DiagramChoice['kind'], id: unknown) => choices.some(choice => choice.kind === kind && choice.id === id);
    if (named !== undefined && !declared('view', named)) return undefined;
    if (flow !== undefined && !declared('flow', flow)) return undefined;
    if (as !== undefined && as !== 'diagram' && as !== 'sequence') return undefined;
    if (!VIEWS.includes(view as DiagramView) || !DIRECTIONS.includes(direction as PreviewOptions['direction'])) return undefined;
    if (typeof legend !== 'boolean') return undefined;
    if (focus !== undefined && (typeof focus !== 'string' || !knownIds.has(focus))) return undefined;
    if (sinceHead !== undefined && typeof sinceHead !== 'boolean') return undefined;
    const options: PreviewOptions = {
        view: view as DiagramView, direction: direction as PreviewOptions['direction'], legend,
        ...sinceHead === true && { sinceHead },
        ...named !== undefined && { named: named as string },
        ...flow !== undefined && { flow: flow as string, ...as === 'sequence' && { as } },
    };
    return focus === undefined ? options : { ...options, focus };
}

/** A pane the server accepts: whole or fractional pixels from 1 to 100,000 each way. */
export function parsePane(raw: unknown): Pane | undefined {
    if (!isRecord(raw)) return undefined;
    const { width, height } = raw;
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= 100_000;
    return valid(width) && valid(height) ? { width, height } : undefined;
}

function parsePng(raw: Record<string, unknown>): FromWebviewMessage | undefined {
    const { requestId, dataUrl, error } = raw;
    if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId)) return undefined;
    if (typeof dataUrl === 'string') {
        const valid = dataUrl.length <= MAX_PNG_URL_LENGTH && dataUrl.startsWith(PNG_PREFIX)
            && /^[A-Za-z0-9+/]*={0,2}$/.test(dataUrl.slice(PNG_PREFIX.length));
        return valid ? { type: 'png', requestId, dataUrl } : undefined;
    }
    if (typeof error === 'string') return { type: 'png', requestId, error: error.slice(0, MAX_ERROR_LENGTH) };
    return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
