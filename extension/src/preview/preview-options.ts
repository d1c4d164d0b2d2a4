import type { DiagramView } from '../../../language-server/src/diagram/diagram-types.js';
import { FIRST_PREVIEW } from '../../../language-server/src/protocol.js';
import type { PreviewOptions } from '../../webview/messages.js';

/** What a new preview shows: everything, with the legend, tiers top to bottom: a preview beside the editor is taller than wide, and architectures run long along their tiers. */
export const DEFAULT_OPTIONS: PreviewOptions = { ...FIRST_PREVIEW };

export const VIEWS: readonly DiagramView[] = ['all', 'calls', 'messaging', 'observability'];
export const DIRECTIONS: readonly PreviewOptions['direction'][] = ['RIGHT', 'DOWN'];

/** The `archsight.preview.*` settings as VS Code hands them over (a user may write anything in settings.json). */
export interface PreviewSettings {
    readonly view?: unknown;
    readonly direction?: unknown;
    readonly legend?: unknown;
}

/** An id as the language writes it: the name of a declared view. */
const VIEW_ID = /^[_a-zA-Z]\w{0,199}$/;

/**
 * What a new preview (and an export without a preview) starts from: the settings where they
 * hold a known value, else {@link DEFAULT_OPTIONS}. `direction` is written `down` or `right`.
 * A `view` that is not a fixed filter names a view the file may declare (`view context { … }`):
 * a file that declares it opens on it, any other file on everything.
 */
export function optionsFromSettings(settings: PreviewSettings): PreviewOptions {
    const direction = typeof settings.direction === 'string' ? settings.direction.toUpperCase() : undefined;
    const fixed = VIEWS.includes(settings.view as DiagramView);
    const named = !fixed && typeof settings.view === 'string' && VIEW_ID.test(settings.view) ? settings.view : undefined;
    return {
        view: fixed ? settings.view as DiagramView : DEFAULT_OPTIONS.view,
        ...(named !== undefined ? { named } : {}),
        direction: DIRECTIONS.includes(direction as PreviewOptions['direction']) ? direction as PreviewOptions['direction'] : DEFAULT_OPTIONS.direction,
        legend: typeof settings.legend === 'boolean' ? settings.legend : DEFAULT_OPTIONS.legend,
    };
}
