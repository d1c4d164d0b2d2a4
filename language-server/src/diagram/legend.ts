import { ELEMENT_KINDS, type ElementKind, type Signal } from '../model/kinds.js';
import type { RelationKind } from '../model/model-types.js';
import { arrowHead, routePath } from './edge-paths.js';
import type { LaidOutDiagram } from './graph-types.js';
import { drawBadge } from './finding-badges.js';
import { drawIcon, ICON_SIZE } from './icons.js';
import { FONT, textWidth } from './measure.js';
import { drawShape, SHAPE_OF_KIND } from './shapes.js';
import { escapeXml } from './xml.js';
import type { DiagramChange } from './diagram-types.js';

/**
 * A key to the shapes and line styles that the diagram uses, and only those, in rows
 * below the diagram. Its entries carry the same classes as the nodes and edges they
 * explain, so they follow the theme.
 */
export interface Legend {
    readonly width: number;
    readonly height: number;
    draw(x: number, y: number): string;
}

interface Entry {
    readonly text: string;
    readonly swatch: string;
}

const SWATCH_W = 30;
const SWATCH_H = 22;
const ROW_H = 30;
const PAD = 12;
const TITLE_H = 26;
const MIN_WIDTH = 560;

const EDGE_ENTRIES: ReadonlyArray<{ kind: RelationKind; signal?: Signal; text: string }> = [
    { kind: 'sync', text: 'call (request/response)' },
    { kind: 'async', text: 'message (asynchronous)' },
    { kind: 'trigger', text: 'trigger' },
    { kind: 'observe', signal: 'metrics', text: 'metrics' },
    { kind: 'observe', signal: 'logs', text: 'logs' },
    { kind: 'observe', signal: 'traces', text: 'traces' },
    { kind: 'observe', text: 'observability signal' },
];

/** What else the drawing shows that needs a word: finding badges, marks of a finding's path, changes. */
export interface LegendExtras {
    readonly badges?: boolean;
    readonly paths?: boolean;
    readonly changes?: Readonly<Record<string, DiagramChange>>;
    /** A flow is drawn: its steps numbered, the rest dimmed. */
    readonly flow?: boolean;
}

export function buildLegend(diagram: LaidOutDiagram, extras: LegendExtras = {}): Legend | undefined {
    const entries = [...changeEntries(extras.changes), ...kindEntries(diagram), ...edgeEntries(diagram), ...markEntries(diagram, extras)];
    if (entries.length === 0) return undefined;
    const textX = SWATCH_W + 6 + ICON_SIZE + 8;
    const column = Math.max(...entries.map(e => textX + textWidth(e.text, FONT.technology))) + 20;
    const available = Math.max(diagram.width - 32, MIN_WIDTH);
    const columns = Math.max(1, Math.min(entries.length, Math.floor((available - 2 * PAD) / column)));
    const rows = Math.ceil(entries.length / columns);
    const width = columns * column + 2 * PAD - 20;
    const height = TITLE_H + rows * ROW_H + PAD - 6;
    return {
        width,
        height,
        draw(x: number, y: number): string {
            const items = entries.map((entry, i) => {
                const ix = PAD + (i % columns) * column;
                const iy = TITLE_H + Math.floor(i / columns) * ROW_H;
                return `<g transform="translate(${ix} ${iy})">${entry.swatch}`
                    + `<text class="legend-text" x="${textX}" y="${SWATCH_H / 2 + 4}">${escapeXml(entry.text)}</text></g>`;
            });
            return `<g class="legend" transform="translate(${x} ${y})">`
                + `<rect class="legend-box" width="${width}" height="${height}" rx="6"/>`
                + `<text class="legend-title" x="${PAD}" y="18">Legend</text>`
                + items.join('')
                + '</g>';
        },
    };
}

const CHANGE_ENTRIES: ReadonlyArray<{ change: DiagramChange; text: string }> = [
    { change: 'added', text: 'added' },
    { change: 'removed', text: 'removed (where it was)' },
    { change: 'changed', text: 'changed, renamed or moved' },
];

/**
 * The marks of a comparison, first: a box and a line in the colour of each kind of change
 * (all three once anything changed); the drift view's undeclared calls get a line of their own.
 */
function changeEntries(changes: Readonly<Record<string, DiagramChange>> | undefined): Entry[] {
    if (!changes) return [];
    const kinds = new Set(Object.values(changes));
    const line = [{ x: SWATCH_W + 6, y: SWATCH_H / 2 }, { x: SWATCH_W + 6 + ICON_SIZE, y: SWATCH_H / 2 }];
    const entries: Entry[] = [];
    if (kinds.has('added') || kinds.has('removed') || kinds.has('changed')) {
        entries.push(...CHANGE_ENTRIES.map(e => ({
            text: e.text,
            swatch: `<g class="legend-item legend-change"><g class="node change-${e.change}">${drawShape('rounded', SWATCH_W, SWATCH_H)}</g>`
                + `<g class="edge change-${e.change}"><path class="edge-line" d="${routePath(line)}"/></g></g>`,
        })));
    }
    if (kinds.has('undeclared')) {
        entries.push({
            text: 'runs, but not in the model (drift)',
            swatch: `<g class="legend-item legend-change"><g class="edge change-undeclared"><path class="edge-line" d="${routePath(line)}"/></g></g>`,
        });
    }
    return entries;
}

function kindEntries(diagram: LaidOutDiagram): Entry[] {
    const used = new Set(diagram.nodes.filter(n => n.spec.type === 'element').map(n => n.spec.kind as ElementKind));
    return (Object.keys(ELEMENT_KINDS) as ElementKind[]).filter(kind => used.has(kind)).map(kind => ({
        text: kind,
        swatch: `<g class="legend-item legend-kind kind-${kind} tier-${ELEMENT_KINDS[kind].tier}">`
            + drawShape(SHAPE_OF_KIND[kind], SWATCH_W, SWATCH_H)
            + drawIcon(kind, SWATCH_W + 6, (SWATCH_H - ICON_SIZE) / 2)
            + '</g>',
    }));
}

function edgeEntries(diagram: LaidOutDiagram): Entry[] {
    const used = new Set(diagram.edges.map(e => `${e.spec.kind}/${e.spec.kind === 'observe' ? e.spec.signal ?? '' : ''}`));
    const line = [{ x: 0, y: SWATCH_H / 2 }, { x: SWATCH_W + 6 + ICON_SIZE, y: SWATCH_H / 2 }];
    return EDGE_ENTRIES.filter(e => used.has(`${e.kind}/${e.signal ?? ''}`)).map(e => ({
        text: e.text,
        swatch: `<g class="legend-item legend-edge rel-${e.kind}${e.signal ? ` signal-${e.signal}` : ''}">`
            + `<path class="edge-line" d="${routePath(line)}"/>${arrowHead(e.kind, line)}</g>`,
    }));
}

/** Bundled edges, closed groups, finding badges and paths: what the drawing adds to the model's shapes. */
function markEntries(diagram: LaidOutDiagram, extras: LegendExtras): Entry[] {
    const entries: Entry[] = [];
    const mid = SWATCH_H / 2;
    const line = [{ x: 0, y: mid }, { x: SWATCH_W + 6 + ICON_SIZE, y: mid }];
    if (diagram.edges.some(e => e.spec.relationIds)) {
        entries.push({
            text: 'several relations as one line',
            swatch: `<g class="legend-item legend-edge legend-bundle rel-sync"><path class="edge-line" d="${routePath(line)}"/>${arrowHead('sync', line)}`
                + `<text class="legend-count" x="${(SWATCH_W + ICON_SIZE) / 2}" y="${mid - 3}">×n</text></g>`,
        });
    }
    if (diagram.nodes.some(n => n.spec.collapsed !== undefined)) {
        entries.push({
            text: 'closed group (with its count)',
            swatch: `<g class="legend-item legend-closed-group"><rect class="group-box" width="${SWATCH_W + 6 + ICON_SIZE}" height="${SWATCH_H}" rx="6"/></g>`,
        });
    }
    if (extras.badges) {
        entries.push({ text: 'findings: worst severity, count', swatch: `<g class="legend-item">${drawBadge([{ severity: 'warning', message: '' }, { severity: 'warning', message: '' }], SWATCH_W + 6 + ICON_SIZE, 2)}</g>` });
    }
    if (extras.flow) {
        const badgeX = (SWATCH_W + 6 + ICON_SIZE) / 2 - 9;
        entries.push({
            text: 'flow step, by number',
            swatch: `<g class="legend-item legend-edge legend-flow rel-sync"><path class="edge-line" d="${routePath(line)}"/>${arrowHead('sync', line)}</g>`
                + `<g class="flow-badge" transform="translate(${badgeX} ${mid - 9})"><rect class="flow-badge-box" width="18" height="18" rx="9"/><text class="flow-badge-text" x="9" y="13">1</text></g>`,
        });
    }
    if (extras.paths) {
        entries.push({
            text: "on a finding's path",
            swatch: `<g class="legend-item legend-edge legend-path rel-sync"><path class="edge-line" d="${routePath(line)}"/>${arrowHead('sync', line)}</g>`,
        });
    }
    return entries;
}
