/**
 * Text from `.arch` files, file names and the file system, made safe to print as one line
 * of a terminal or a CI log: line breaks (with the spaces around them) become one space,
 * and characters that a terminal or a log would act on (escape sequences that set the
 * title or clear the screen, bidi overrides, a line break that starts a GitHub workflow
 * command) are shown as `\xNN` / `\uNNNN`. Linear in the text, however it is made.
 */
export function terminalLine(text: string): string {
    return escapeControls(joinLines(text));
}

/** Characters shown escaped: C0 and C1 controls but tab and line breaks, DEL, line/paragraph separators, bidi controls. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes control characters but CR and LF, for formats that escape line breaks their own way. */
export function escapeControls(text: string): string {
    return text.replace(CONTROLS, c => {
        const code = c.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    });
}

/** Each line break and the spaces around it become one space (split and trim: no regex that backtracks). */
function joinLines(text: string): string {
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length === 1) return text;
    return lines.map((line, i) => {
        let piece = i > 0 ? line.trimStart() : line;
        if (i < lines.length - 1) piece = piece.trimEnd();
        return piece;
    }).filter((piece, i) => piece.length > 0 || i === 0 || i === lines.length - 1).join(' ');
}

/** A file name as printed: every control character escaped, line breaks too (a name is not prose). */
export function terminalName(text: string): string {
    return escapeControls(text).replace(/[\r\n]/g, c => (c === '\r' ? '\\x0D' : '\\x0A'));
}
