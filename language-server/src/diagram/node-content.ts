import type { ElementKind } from '../model/kinds.js';
import { ICON_SIZE } from './icons.js';
import { FONT, textWidth, truncate, wrapText } from './measure.js';
import { SHAPE_OF_KIND, shapeInsets } from './shapes.js';

/**
 * Where the icon and the text sit inside an element's box, and how big the box must be
 * for them: the sizing (before layout) and the drawing (after) share these numbers, so
 * text cannot run out of its box.
 */

const PAD_X = 10;
const PAD_Y = 8;
const ICON_GAP = 7;
/** Labels wrap at this width, onto at most three lines. */
const MAX_TEXT = 176;
const MAX_LINES = 3;
const SIDECAR_MAX_TEXT = 120;
/** Boxes grow in steps, so that a small label edit rarely changes the layout. */
const STEP = 4;

export interface ElementText {
    readonly lines: readonly string[];
    readonly technology?: string;
}

export interface ContentFrame {
    readonly iconX: number;
    readonly iconY: number;
    readonly textX: number;
    /** The baseline of each label line, then of the technology line. */
    readonly baselines: readonly number[];
}

export function elementText(kind: ElementKind, label: string, technology: string | undefined): ElementText {
    const sidecar = kind === 'sidecar';
    const max = sidecar ? SIDECAR_MAX_TEXT : MAX_TEXT;
    return {
        lines: wrapText(label, max, FONT.label, sidecar ? 1 : MAX_LINES),
        technology: technology ? truncate(technology, max, FONT.technology) : undefined,
    };
}

function textBlockHeight(text: ElementText): number {
    return text.lines.length * FONT.label.lineHeight + (text.technology ? FONT.technology.lineHeight : 0);
}

/** The box that holds an element's icon and text; never narrower than `minWidth` (by default the diagram's minimum). */
export function elementSize(kind: ElementKind, text: ElementText, minWidth?: number): { width: number; height: number } {
    const insets = shapeInsets(SHAPE_OF_KIND[kind]);
    const sidecar = kind === 'sidecar';
    const textW = Math.max(
        ...text.lines.map(line => textWidth(line, FONT.label)),
        text.technology ? textWidth(text.technology, FONT.technology) : 0,
    );
    const contentH = Math.max(ICON_SIZE, textBlockHeight(text));
    const width = insets.left + PAD_X + ICON_SIZE + ICON_GAP + textW + PAD_X + insets.right;
    const height = insets.top + (sidecar ? 5 : PAD_Y) * 2 + contentH + insets.bottom;
    return {
        width: roundUp(Math.max(width, minWidth ?? (sidecar ? 72 : 128))),
        height: roundUp(Math.max(height, sidecar ? 28 : 48)),
    };
}

export function contentFrame(kind: ElementKind, width: number, height: number, text: ElementText): ContentFrame {
    const insets = shapeInsets(SHAPE_OF_KIND[kind]);
    const innerTop = insets.top;
    const innerHeight = height - insets.top - insets.bottom;
    const blockH = textBlockHeight(text);
    const blockTop = innerTop + (innerHeight - blockH) / 2;
    const baselines = text.lines.map((_, i) => blockTop + i * FONT.label.lineHeight + 12);
    if (text.technology) baselines.push(blockTop + text.lines.length * FONT.label.lineHeight + 11);
    const iconX = insets.left + PAD_X;
    return {
        iconX,
        iconY: round(innerTop + (innerHeight - ICON_SIZE) / 2),
        textX: iconX + ICON_SIZE + ICON_GAP,
        baselines: baselines.map(round),
    };
}

/** A group's title bar: its label, and a line with its kind and technology. */
export const GROUP_HEADER = { height: 40, padX: 12, labelBaseline: 18, subtitleBaseline: 33 } as const;

export function groupSubtitle(kind: string, technology: string | undefined): string {
    return technology ? `${kind} · ${technology}` : kind;
}

/** A group drawn as one box past the size limit: its title bar, then a line saying how much it holds. */
export const COLLAPSED_GROUP = { minWidth: 160, height: GROUP_HEADER.height + 28, summaryBaseline: GROUP_HEADER.height + 16 } as const;

export function collapsedSummary(count: number): string {
    return `${count} element${count === 1 ? '' : 's'} inside`;
}

/** The narrowest a group may be so that its title fits. */
export function groupMinWidth(label: string, subtitle: string): number {
    const text = Math.max(textWidth(label, FONT.groupLabel), textWidth(subtitle, FONT.technology));
    return roundUp(text + 2 * GROUP_HEADER.padX);
}

function roundUp(n: number): number {
    return Math.ceil(n / STEP) * STEP;
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
