/**
 * Text measurement without a DOM. Node sizes come from these widths, so they must never
 * be smaller than what a viewer draws: the tables are DejaVu Sans (regular and bold), the
 * widest of the sans-serif faces the stylesheets name, in thousandths of an em.
 */

/** The fonts the stylesheets declare; `base.css` must agree with these sizes. */
export const FONT = {
    label: { size: 13, bold: true, lineHeight: 16 },
    technology: { size: 11, bold: false, lineHeight: 14 },
    edgeLabel: { size: 11, bold: false, lineHeight: 14 },
    groupLabel: { size: 13, bold: true, lineHeight: 16 },
} as const;

export interface TextStyle {
    readonly size: number;
    readonly bold: boolean;
    readonly lineHeight: number;
}

// Advance widths of the printable ASCII characters (U+0020 to U+007E).
const REGULAR = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
    636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
    634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const BOLD = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
    696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
    712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/** Width of one character in thousandths of an em; outside ASCII, a wide guess. */
function advance(code: number, bold: boolean): number {
    if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32];
    if (code >= 0x1100 && isWide(code)) return 1000;
    // Combining marks take no room of their own.
    if (code >= 0x300 && code < 0x370) return 0;
    return bold ? 900 : 850;
}

/** East Asian wide and full-width ranges, and emoji: a full em each. */
function isWide(code: number): boolean {
    return (code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
}

/** The width of `text` in pixels, rounded up. */
export function textWidth(text: string, style: Pick<TextStyle, 'size' | 'bold'>): number {
    let units = 0;
    for (const ch of text) units += advance(ch.codePointAt(0)!, style.bold);
    return Math.ceil(units * style.size / 1000);
}

/** Cuts `text` to fit `maxWidth`, ending in an ellipsis when it had to cut. */
export function truncate(text: string, maxWidth: number, style: Pick<TextStyle, 'size' | 'bold'>): string {
    if (textWidth(text, style) <= maxWidth) return text;
    const chars = [...text];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (textWidth(chars.slice(0, mid).join('') + '…', style) <= maxWidth) lo = mid;
        else hi = mid - 1;
    }
    return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces where it can and inside
 * long words where it must; the last allowed line ends in an ellipsis if text is left.
 */
export function wrapText(text: string, maxWidth: number, style: Pick<TextStyle, 'size' | 'bold'>, maxLines: number): string[] {
    // No more than `maxLines` lines are shown: a text far longer than they can hold is cut
    // first, so a megabyte-long label costs no more than a long one (it still ends in '…').
    const capacity = maxLines * Math.ceil(maxWidth / (style.size * 0.2)) + 2;
    const shown = text.length > capacity ? text.slice(0, capacity) : text;
    const words = shown.trim().split(/\s+/).filter(w => w.length > 0);
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
        const candidate = current ? `${current} ${word}` : word;
        if (textWidth(candidate, style) <= maxWidth) {
            current = candidate;
            continue;
        }
        if (current) lines.push(current);
        current = word;
        // A word longer than a line is split where it has to be.
        while (textWidth(current, style) > maxWidth) {
            const chars = [...current];
            let fit = 1;
            while (fit < chars.length && textWidth(chars.slice(0, fit + 1).join(''), style) <= maxWidth) fit++;
            lines.push(chars.slice(0, fit).join(''));
            current = chars.slice(fit).join('');
        }
    }
    if (current || lines.length === 0) lines.push(current);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(lines.slice(maxLines - 1).join(' '), maxWidth, style);
    return kept;
}
