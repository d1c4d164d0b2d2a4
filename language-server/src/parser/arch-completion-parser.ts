import type { CompletionParserResult, LangiumCoreServices } from 'langium';
import { createParser, LangiumCompletionParser } from 'langium';
import { checkInputLimits } from './input-limits.js';
import { RecoveryGuard } from './recovery-guard.js';

const NOTHING: CompletionParserResult = { tokens: [], elementStack: [], tokenIndex: 0 };

/**
 * The parser completion runs over the text before the cursor, with the same bounds as the
 * document parser: its error recovery overflowed the stack at the end of a file with
 * thousands of syntax errors. Over the size or nesting limits it offers nothing.
 */
export class ArchCompletionParser extends LangiumCompletionParser {
    private readonly guard = new RecoveryGuard(this.wrapper);

    override parse(input: string): CompletionParserResult {
        if (checkInputLimits(input)) return NOTHING;
        this.guard.start();
        try {
            return super.parse(input);
        } catch {
            return NOTHING;
        }
    }
}

/** Builds and finalizes the completion parser as Langium's `createCompletionParser` does, with our class. */
export function createArchCompletionParser(services: LangiumCoreServices): ArchCompletionParser {
    const parser = createParser(services.Grammar, new ArchCompletionParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
