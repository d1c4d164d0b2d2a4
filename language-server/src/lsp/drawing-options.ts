import { URI } from 'langium';
import type { DiagramOptions } from '../diagram/diagram-types.js';
import type { ArchModel } from '../model/model-types.js';
import type { DiagramParams } from '../protocol.js';
import { declarationAt } from './cursor-hint.js';

/**
 * What a preview's request asks the diagram service to draw, but the findings and the
 * marks of a change, which the caller adds: one mapping for the drawing and for the
 * warm-up of a file opened in the editor, so that the layouts made ahead are the ones the
 * drawing looks for.
 */
export function drawingOptions(declared: ArchModel, params: DiagramParams): DiagramOptions {
    return {
        view: params.view,
        focus: params.focus,
        ...(params.named !== undefined ? { named: params.named } : {}),
        ...(params.flow !== undefined ? { flow: params.flow, ...(params.as ? { as: params.as } : {}) } : {}),
        direction: params.direction,
        theme: params.theme,
        legend: params.legend,
        pane: params.pane,
        chooseDirection: params.chooseDirection,
        level: params.level,
        expand: params.expand,
        ...(params.zoomable ? { zoomable: true } : {}),
        ...hintOf(declared, params),
    };
}

/** The element or group at the cursor, else the hint the request names. */
function hintOf(model: ArchModel, params: DiagramParams): { hint?: string } {
    const atCursor = params.cursor ? declarationAt(model, URI.parse(params.uri).toString(), params.cursor) : undefined;
    const hint = atCursor ?? params.hint;
    return hint !== undefined ? { hint } : {};
}
