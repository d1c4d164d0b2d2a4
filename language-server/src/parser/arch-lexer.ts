import type { LexerResult, TokenizeOptions } from 'langium';
import type { ILexingError } from 'chevrotain';
import { DefaultLexer } from 'langium';
import { repairTokens } from './token-repair.js';

/**
 * The lexer, followed by the repair of misspelt keywords and `=>` arrows (see
 * `repairTokens`). The parser asks for the repairs of the text it just lexed, to put
 * the keyword meant into the tree where the text has the misspelling.
 */
export class ArchLexer extends DefaultLexer {
    private repairs = new Map<number, string>();

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = endAtUnterminatedComment(super.tokenize(text, options));
        const repaired = repairTokens(text, result.tokens, result.errors, this.definition as Parameters<typeof repairTokens>[3]);
        this.repairs = repaired.repairs;
        return { ...result, tokens: repaired.tokens, errors: repaired.errors };
    }

    /** By offset: the keyword read in place of the misspelt word there, in the last text lexed. */
    takeRepairs(): Map<number, string> {
        const repairs = this.repairs;
        this.repairs = new Map();
        return repairs;
    }
}

/**
 * A `/*` that no `*\/` closes lexes as the tokens `/` and `*` (they are words of paths and
 * of views' wildcards). Everything after it is the comment the author began: one error says
 * so, and the rest of the text is not read as tokens.
 */
function endAtUnterminatedComment(result: LexerResult): LexerResult {
    const { tokens } = result;
    const at = tokens.findIndex((t, i) => t.image === '/' && tokens[i + 1]?.image === '*' && tokens[i + 1].startOffset === t.startOffset + 1);
    if (at < 0) return result;
    const start = tokens[at];
    const error: ILexingError = {
        offset: start.startOffset, line: start.startLine, column: start.startColumn, length: 2,
        message: 'A comment starts here and never ends: add the closing */.',
    };
    return { ...result, tokens: tokens.slice(0, at), errors: [...result.errors.filter(e => e.offset < start.startOffset), error] };
}
