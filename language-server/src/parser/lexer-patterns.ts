/**
 * Matchers for the terminals whose regular expressions take quadratic time on hostile
 * input. `STRING` (/"(\\.|[^"\\])*"|'…'/) and `ML_COMMENT` (/\/\*[\s\S]*?\*\//) scan to
 * the end of the text when they find no closing quote or `*\/`; the lexer then skips one
 * character and tries again, so 100 KB of `"\` or `/* ` take seconds and 2 MB take hours.
 * These matchers accept exactly what the regular expressions accept, and remember where a
 * scan failed: every later start inside the failed stretch fails the same way. That memory
 * belongs to one text: call `reset()` after each text is lexed.
 */
export class TerminalScanner {
    private length = -1;
    /** Per quote character: a scan that started before `from` failed at `failedAt`. */
    private readonly failedStrings = new Map<string, { from: number; failedAt: number }>();
    /** No `*\/` follows this offset. */
    private noCommentEndAfter = Infinity;

    /** The offset after the string that starts at `start`, or -1 when no string starts there. */
    stringEnd(text: string, start: number): number {
        this.follow(text);
        const quote = text[start];
        if (quote !== '"' && quote !== "'") return -1;
        const failed = this.failedStrings.get(quote);
        // A later start inside a failed stretch is a quote that the failed scan read as
        // escaped; from the character after it both scans see the same, so it fails too.
        if (failed && start > failed.from && start < failed.failedAt) return -1;
        let i = start + 1;
        while (i < text.length) {
            const c = text[i];
            if (c === quote) return i + 1;
            if (c === '\\') {
                // `\\.`: the escaped character may be anything but a line terminator.
                if (i + 1 >= text.length || isLineTerminator(text[i + 1])) break;
                i += 2;
            } else {
                i++;
            }
        }
        this.failedStrings.set(quote, { from: start, failedAt: i });
        return -1;
    }

    /** The offset after the block comment that starts at `start`, or -1 when none starts there. */
    blockCommentEnd(text: string, start: number): number {
        this.follow(text);
        if (text[start] !== '/' || text[start + 1] !== '*') return -1;
        if (start >= this.noCommentEndAfter) return -1;
        const close = text.indexOf('*/', start + 2);
        if (close < 0) {
            this.noCommentEndAfter = start;
            return -1;
        }
        return close + 2;
    }

    /** Forgets the failed scans; the next text starts afresh. */
    reset(): void {
        this.length = -1;
        this.failedStrings.clear();
        this.noCommentEndAfter = Infinity;
    }

    /** A text of another length is certainly another text (a cheap guard should `reset` be missed). */
    private follow(text: string): void {
        if (text.length === this.length) return;
        this.reset();
        this.length = text.length;
    }
}

/** What `.` does not match in a JavaScript regular expression. */
function isLineTerminator(c: string): boolean {
    return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}
