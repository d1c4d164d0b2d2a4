/**
 * Escaping for user text in SVG. Names, labels and technologies come from files that
 * anyone may write, and the preview injects the SVG into a webview.
 */

// Characters XML 1.0 forbids outright: C0 controls other than tab and newlines, lone
// surrogates, U+FFFE and U+FFFF. A parser rejects the whole document for one of them.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content and attribute values: `& < > " '` become entities, forbidden characters go. */
export function escapeXml(text: string): string {
    // Most text needs nothing: one quick scan instead of two replacements (a large diagram escapes thousands of strings).
    if (!NEEDS_WORK.test(text)) return text;
    return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, ch => ENTITIES[ch]);
}

/** Any character that `escapeXml` might change (a superset: tab and newlines pass the full path unchanged). */
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Numbers in coordinates: two decimals at most, no `-0`. */
export function num(n: number): string {
    const rounded = Math.round(n * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
}
