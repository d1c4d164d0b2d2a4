import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';
import type { GrammarAST, LexingReport } from 'langium';
import { DefaultTokenBuilder, GrammarUtils, RegExpUtils } from 'langium';
import { TerminalScanner } from './lexer-patterns.js';

/**
 * Lexes `STRING` and `ML_COMMENT` with linear-time matchers instead of their regular
 * expressions, which are quadratic on unterminated strings and comments (see
 * `lexer-patterns.ts`). What they accept is unchanged.
 */
export class ArchTokenBuilder extends DefaultTokenBuilder {
    private readonly scanner = new TerminalScanner();
    /** The regular expressions our matchers replace, still needed to find keywords' longer alternatives. */
    private readonly replaced = new Map<TokenType, RegExp>();

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        let linear: TokenType | undefined;
        if (terminal.name === 'STRING') {
            linear = { ...token, PATTERN: this.matcher((text, offset) => this.scanner.stringEnd(text, offset)), START_CHARS_HINT: ['"', "'"], LINE_BREAKS: true };
        } else if (terminal.name === 'ML_COMMENT') {
            linear = { ...token, PATTERN: this.matcher((text, offset) => this.scanner.blockCommentEnd(text, offset)), START_CHARS_HINT: ['/'], LINE_BREAKS: true };
        }
        if (!linear) return token;
        this.replaced.set(linear, GrammarUtils.terminalRegex(terminal));
        return linear;
    }

    /** The keyword `/` must still give way to a block comment, as it does to the regular expression. */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        for (const [token, regex] of this.replaced) {
            if (terminalTokens.includes(token) && RegExpUtils.partialMatches(`^${regex.source}$`, keyword.value)) alternatives.push(token);
        }
        return alternatives;
    }

    override flushLexingReport(text: string): LexingReport {
        // Called once after each text is lexed: what the scanner remembers belongs to that text.
        this.scanner.reset();
        return super.flushLexingReport(text);
    }

    private matcher(end: (text: string, offset: number) => number): CustomPatternMatcherFunc {
        return (text, offset) => {
            const stop = end(text, offset);
            return stop < 0 ? null : [text.substring(offset, stop)] as unknown as RegExpExecArray;
        };
    }
}
