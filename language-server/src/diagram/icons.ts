import type { ElementKind } from '../model/kinds.js';

/**
 * A 16 × 16 line icon per element kind, drawn with `class="icon"` (stroke only, coloured
 * by the stylesheet) so that kinds that share an outline still read apart.
 */

export const ICON_SIZE = 16;

const ICONS: Readonly<Record<ElementKind, string>> = {
    // A monitor on a stand.
    client: 'M1.5 2.5h13v9h-13zM5 14.5h6M8 11.5v3',
    // Traffic through a gate.
    gateway: 'M1 8h10M8 4.5 11.5 8 8 11.5M14 2v12',
    // A cube: a deployable unit.
    service: 'M8 1.5l6 3.25v6.5L8 14.5l-6-3.25v-6.5zM2 4.75 8 8l6-3.25M8 8v6.5',
    // Lambda.
    function: 'M3 2h2.5l7 12.5M8.2 7 3.5 14.5',
    // Messages routed both ways.
    esb: 'M1.5 5h12M10.5 2l3 3-3 3M14.5 11h-12M5.5 8l-3 3 3 3',
    // One message fanned out.
    bus: 'M1 8h6M7 8l6-5M7 8h7M7 8l6 5',
    // Slots of a queue.
    queue: 'M1.5 4.5h13v7h-13zM5 4.5v7M8.5 4.5v7M12 4.5v7',
    database: 'M2.5 3.5c0-2 11-2 11 0v9c0 2-11 2-11 0zM2.5 3.5c0 2 11 2 11 0M2.5 8c0 2 11 2 11 0',
    // A lightning bolt: fast.
    cache: 'M9.5 1 3.5 9h4.5l-1.5 6 6-8.5H8z',
    storage: 'M2 4h12l-1.8 10H3.8zM2 4c0-2.2 12-2.2 12 0',
    // A small box beside a bigger one.
    sidecar: 'M1.5 2.5h8v11h-8zM9.5 6h5v4h-5',
    // A directory: lines of entries.
    registry: 'M3 1.5h10v13H3zM5.5 5h5M5.5 8h5M5.5 11h3',
    timer: 'M8 2a6 6 0 1 1 0 12A6 6 0 1 1 8 2zM8 4.5V8l2.5 1.5',
    // Bars of a chart.
    metrics: 'M1.5 14.5h13M4 13V8M8 13V3M12 13V6',
    // Lines of text.
    logs: 'M2 3h12M2 6.3h9M2 9.6h12M2 13h7',
    // Spans of a trace, each under its parent.
    traces: 'M2 3h6M4 6.3h8M6 9.6h4M5 13h9',
    // An antenna.
    agent: 'M8 14.5v-6M5 11a3 3 0 1 1 6 0M3 12.5a5.5 5.5 0 1 1 10 0',
    // A funnel.
    collector: 'M1.5 2h13l-5 6v6l-3-1.5V8z',
    // A parcel on its way.
    shipper: 'M1.5 5h8v6h-8zM9.5 7h3l2 2v2h-5M4 13a1.2 1.2 0 1 0 0.01 0M12 13a1.2 1.2 0 1 0 0.01 0',
    // A box with an arrow out.
    exporter: 'M2 2.5h7v11H2zM6 8h8.5M11.5 5l3 3-3 3',
    alerting: 'M4 11.5V7a4 4 0 0 1 8 0v4.5l1.5 1.5h-11zM6.5 14.5h3',
    // A gauge.
    dashboard: 'M1.5 12.5a6.5 6.5 0 0 1 13 0M8 12.5l3-4.5',
    // The UML component symbol.
    component: 'M4.5 2h9.5v12H4.5zM2 5h5v2H2zM2 9h5v2H2z',
    // A window with a page in it.
    frontend: 'M1.5 2.5h13v11h-13zM1.5 5h13M4 8h8M4 10.5h5',
    // A branch: two deployments of one service.
    version: 'M4 2v12M4 10c0-3 8-2 8-6M12 2v2',
    // Two cylinders side by side: one server, several databases.
    dbserver: 'M1.5 4c0-1.5 6-1.5 6 0v8c0 1.5-6 1.5-6 0zM1.5 4c0 1.5 6 1.5 6 0M8.5 4c0-1.5 6-1.5 6 0v8c0 1.5-6 1.5-6 0zM8.5 4c0 1.5 6 1.5 6 0',
    // A book.
    library: 'M2.5 2.5h4.5v11H2.5zM7 2.5h4.5v11H7zM11.5 3l2.5-0.5 1 11-2.5 0.5',
};

/** The icon of `kind` as a `<path>` at (`x`, `y`). */
export function drawIcon(kind: ElementKind, x: number, y: number): string {
    return `<path class="icon" transform="translate(${x} ${y})" d="${ICONS[kind]}"/>`;
}
