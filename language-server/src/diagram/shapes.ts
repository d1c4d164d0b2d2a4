import type { ElementKind } from '../model/kinds.js';

/**
 * The outline of each element kind. A shape draws itself into a `width` × `height` box at
 * the origin with CSS classes only (`shape` for the outline, `shape-detail` for inner
 * lines), and says how much room its decoration takes so text stays clear of it.
 */

export type ShapeName =
    | 'rounded' | 'soft' | 'browser' | 'hexagon' | 'cylinder' | 'pipe' | 'queue' | 'rails'
    | 'bucket' | 'chamfer' | 'stack' | 'note' | 'pill' | 'component' | 'tab';

export interface Insets {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
}

export const SHAPE_OF_KIND: Readonly<Record<ElementKind, ShapeName>> = {
    client: 'browser',
    gateway: 'hexagon',
    service: 'rounded',
    function: 'chamfer',
    esb: 'rails',
    bus: 'pipe',
    queue: 'queue',
    database: 'cylinder',
    cache: 'stack',
    storage: 'bucket',
    sidecar: 'tab',
    registry: 'note',
    timer: 'pill',
    metrics: 'cylinder',
    logs: 'cylinder',
    traces: 'cylinder',
    agent: 'soft',
    collector: 'soft',
    shipper: 'soft',
    exporter: 'soft',
    alerting: 'soft',
    dashboard: 'soft',
    component: 'component',
    frontend: 'browser',
    version: 'rounded',
    dbserver: 'cylinder',
    library: 'note',
};

const NONE: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
/** The height of a cylinder's or bucket's top ellipse, half of it. */
const RY = 6;

const INSETS: Readonly<Partial<Record<ShapeName, Insets>>> = {
    browser: { top: 10, right: 0, bottom: 0, left: 0 },
    hexagon: { top: 0, right: 12, bottom: 0, left: 12 },
    cylinder: { top: 2 * RY, right: 0, bottom: RY, left: 0 },
    pipe: { top: 0, right: 16, bottom: 0, left: 8 },
    queue: { top: 0, right: 22, bottom: 0, left: 0 },
    rails: { top: 6, right: 0, bottom: 6, left: 0 },
    bucket: { top: 2 * RY, right: 8, bottom: 4, left: 8 },
    chamfer: { top: 0, right: 4, bottom: 0, left: 4 },
    stack: { top: 0, right: 4, bottom: 4, left: 0 },
    note: { top: 0, right: 8, bottom: 0, left: 0 },
    pill: { top: 0, right: 10, bottom: 0, left: 10 },
    component: { top: 0, right: 0, bottom: 0, left: 10 },
};

export function shapeInsets(shape: ShapeName): Insets {
    return INSETS[shape] ?? NONE;
}

/** SVG elements that draw `shape` in a box of `w` × `h` at the origin. */
export function drawShape(shape: ShapeName, w: number, h: number): string {
    const r = (n: number) => Math.round(n * 100) / 100;
    const half = r(w / 2);
    switch (shape) {
        case 'rounded':
            return `<rect class="shape" width="${w}" height="${h}" rx="8"/>`;
        case 'soft':
            return `<rect class="shape" width="${w}" height="${h}" rx="4"/>`;
        case 'tab':
            return `<rect class="shape" width="${w}" height="${h}" rx="3"/>`;
        case 'browser':
            return `<rect class="shape" width="${w}" height="${h}" rx="5"/>`
                + `<path class="shape-detail" d="M0 10H${w}"/>`
                + [6, 11, 16].map(x => `<circle class="shape-dot" cx="${x}" cy="5" r="1.5"/>`).join('');
        case 'hexagon':
            return `<path class="shape" d="M12 0H${w - 12}L${w} ${r(h / 2)}L${w - 12} ${h}H12L0 ${r(h / 2)}Z"/>`;
        case 'cylinder':
            return `<path class="shape" d="M0 ${RY}A${half} ${RY} 0 0 1 ${w} ${RY}V${h - RY}A${half} ${RY} 0 0 1 0 ${h - RY}Z"/>`
                + `<path class="shape-detail" d="M0 ${RY}A${half} ${RY} 0 0 0 ${w} ${RY}"/>`;
        case 'pipe': {
            const ry = r(h / 2);
            return `<path class="shape" d="M8 0H${w - 8}A8 ${ry} 0 0 1 ${w - 8} ${h}H8A8 ${ry} 0 0 1 8 0Z"/>`
                + `<path class="shape-detail" d="M${w - 8} 0A8 ${ry} 0 0 0 ${w - 8} ${h}"/>`;
        }
        case 'queue':
            return `<rect class="shape" width="${w}" height="${h}" rx="3"/>`
                + `<path class="shape-detail" d="${[20, 14, 8].map(d => `M${w - d} 5V${h - 5}`).join('')}"/>`;
        case 'rails':
            return `<rect class="shape" width="${w}" height="${h}" rx="3"/>`
                + `<path class="shape-detail" d="M0 5H${w}M0 ${h - 5}H${w}"/>`;
        case 'bucket':
            return `<path class="shape" d="M0 ${RY}A${half} ${RY} 0 0 1 ${w} ${RY}L${w - 8} ${h - 4}A${r(half - 8)} 4 0 0 1 8 ${h - 4}Z"/>`
                + `<path class="shape-detail" d="M0 ${RY}A${half} ${RY} 0 0 0 ${w} ${RY}"/>`;
        case 'chamfer':
            return `<path class="shape" d="M8 0H${w - 8}L${w} 8V${h - 8}L${w - 8} ${h}H8L0 ${h - 8}V8Z"/>`;
        case 'stack':
            return `<rect class="shape shape-back" x="4" y="4" width="${w - 4}" height="${h - 4}" rx="6"/>`
                + `<rect class="shape" width="${w - 4}" height="${h - 4}" rx="6"/>`;
        case 'note':
            return `<path class="shape" d="M0 0H${w - 10}L${w} 10V${h}H0Z"/>`
                + `<path class="shape-detail" d="M${w - 10} 0V10H${w}"/>`;
        case 'pill':
            return `<rect class="shape" width="${w}" height="${h}" rx="${r(h / 2)}"/>`;
        case 'component':
            // The UML component: two tabs across the left edge, inside the box.
            return `<rect class="shape" x="5" width="${w - 5}" height="${h}" rx="2"/>`
                + `<rect class="shape shape-tab" y="9" width="11" height="6"/>`
                + `<rect class="shape shape-tab" y="19" width="11" height="6"/>`;
    }
}
