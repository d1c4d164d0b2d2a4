import type { LexerResult, TokenizeOptions } from 'langium';
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
        const result = super.tokenize(text, options);
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
