/**
 * Escaping for user text in SVG. Names, labels and technologies come from files that
 * anyone may write, and the preview injects the SVG into a webview.
 */

// Characters XML 1.0 forbids outright: C0 controls other than tab and newlines, lone
// surrogates, U+FFFE and U+FFFF. A parser rejects the whole document for one of them.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content and attribute values: `& < > " '` become entities, forbidden characters go. */
export function escapeXml(text: string): string {
    return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, ch => ENTITIES[ch]);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Numbers in coordinates: two decimals at most, no `-0`. */
export function num(n: number): string {
    const rounded = Math.round(n * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
}
