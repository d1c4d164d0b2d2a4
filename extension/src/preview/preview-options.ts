import type { DiagramView } from '../../../language-server/src/diagram/diagram-types.js';
import type { PreviewOptions } from '../../webview/messages.js';

/** What a new preview shows: everything, tiers left to right, with the legend. */
export const DEFAULT_OPTIONS: PreviewOptions = { view: 'all', direction: 'RIGHT', legend: true };

export const VIEWS: readonly DiagramView[] = ['all', 'calls', 'messaging', 'observability'];
export const DIRECTIONS: readonly PreviewOptions['direction'][] = ['RIGHT', 'DOWN'];
