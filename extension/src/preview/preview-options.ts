import type { DiagramView } from '../../../language-server/src/diagram/diagram-types.js';
import { FIRST_PREVIEW } from '../../../language-server/src/protocol.js';
import type { PreviewOptions } from '../../webview/messages.js';

/** What a new preview shows: everything, with the legend, tiers top to bottom: a preview beside the editor is taller than wide, and architectures run long along their tiers. */
export const DEFAULT_OPTIONS: PreviewOptions = { ...FIRST_PREVIEW };

export const VIEWS: readonly DiagramView[] = ['all', 'calls', 'messaging', 'observability'];
export const DIRECTIONS: readonly PreviewOptions['direction'][] = ['RIGHT', 'DOWN'];
