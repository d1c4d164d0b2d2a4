import type { DiagramChoice, DiagramView } from '../../language-server/src/diagram/diagram-types.js';
import type { PreviewOptions } from './messages.js';

/**
 * What the preview's view picker (and "Archsight: Show View…") offers: the fixed filters,
 * then the views and the flows the document declares. Free of the DOM, so the extension and
 * the tests use it too. A choice is written `<filter>` (`all`, `calls`…), `view:<id>` or
 * `flow:<id>`: a view may be called `messaging` like a filter.
 */

export const FILTERS: readonly { readonly view: DiagramView; readonly label: string }[] = [
    { view: 'all', label: 'Everything' },
    { view: 'calls', label: 'Calls only' },
    { view: 'messaging', label: 'Messaging only' },
    { view: 'observability', label: 'Observability only' },
];

export interface PickerEntry {
    readonly value: string;
    readonly label: string;
    readonly group: 'Filters' | 'Views' | 'Flows';
}

export function pickerEntries(choices: readonly DiagramChoice[]): PickerEntry[] {
    return [
        ...FILTERS.map(f => ({ value: f.view as string, label: f.label, group: 'Filters' as const })),
        ...choices.filter(c => c.kind === 'view').map(c => ({ value: `view:${c.id}`, label: c.label, group: 'Views' as const })),
        ...choices.filter(c => c.kind === 'flow').map(c => ({ value: `flow:${c.id}`, label: c.label, group: 'Flows' as const })),
    ];
}

/** The picker's value for what the options draw. */
export function pickerValue(options: PreviewOptions): string {
    return options.flow !== undefined ? `flow:${options.flow}` : options.named !== undefined ? `view:${options.named}` : options.view;
}

/** The options with the picked entry drawn; a view or flow replaces the other, a filter both. Undefined for a value the picker does not have. */
export function pick(options: PreviewOptions, value: string): PreviewOptions | undefined {
    const colon = value.indexOf(':');
    const kind = colon < 0 ? 'filter' : value.slice(0, colon);
    const id = value.slice(colon + 1);
    const { named: _named, flow: _flow, as, focus, ...rest } = options;
    // A filter keeps the focus, as it always has; a view or flow says itself what to draw.
    if (kind === 'filter') return FILTERS.some(f => f.view === id) ? { ...rest, view: id as DiagramView, ...(focus !== undefined ? { focus } : {}) } : undefined;
    if (kind === 'view' && id) return { ...rest, named: id };
    // A flow keeps the way it was drawn last (diagram or sequence).
    if (kind === 'flow' && id) return { ...rest, flow: id, ...(as ? { as } : {}) };
    return undefined;
}

/** The key each view's zoom and pan are kept under: the same view comes back as it was left. */
export function viewKey(options: PreviewOptions): string {
    return options.flow !== undefined ? `flow:${options.flow}:${options.as ?? 'diagram'}` : pickerValue(options);
}
