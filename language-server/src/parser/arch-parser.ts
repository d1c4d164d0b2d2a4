import type { ILexingError, IRecognitionException } from 'chevrotain';
import type { AstNode, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { createParser, LangiumParser } from 'langium';
import { checkInputLimits, INPUT_LIMITS } from './input-limits.js';

/** The parts of Chevrotain's parser that the error cap switches; not in its public types. */
interface RecoveryControl {
    recoveryEnabled: boolean;
    attemptInRepetitionRecovery: (...args: unknown[]) => void;
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    _errors: IRecognitionException[];
}

/**
 * A parser that never throws and never overflows the stack:
 * - text over the size or nesting limits is not parsed; the document gets an empty model
 *   and one error that names the limit;
 * - after `maxSyntaxErrors` errors the parser stops recovering (Chevrotain's recovery
 *   recurses once per error in the same block), so the rest of the file is not read;
 * - anything else that throws leaves an empty model and an error, not a broken parser.
 * Limits are reported as lexer errors, so the formatter leaves such files alone.
 */
export class ArchParser extends LangiumParser {
    private readonly control: RecoveryControl;
    private readonly recover: RecoveryControl['attemptInRepetitionRecovery'];

    constructor(services: LangiumCoreServices) {
        super(services);
        this.control = this.wrapper as unknown as RecoveryControl;
        this.recover = this.control.attemptInRepetitionRecovery;
        const save = this.control.SAVE_ERROR.bind(this.control);
        this.control.SAVE_ERROR = error => {
            const saved = save(error);
            if (this.control._errors.length >= INPUT_LIMITS.maxSyntaxErrors) this.setRecovery(false);
            return saved;
        };
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const limit = checkInputLimits(input);
        if (limit) return this.refuse<T>(limit, options);
        this.setRecovery(true);
        try {
            const result = super.parse<T>(input, options);
            return result.parserErrors.length >= INPUT_LIMITS.maxSyntaxErrors ? withStopNote(result) : result;
        } catch (error) {
            return this.refuse<T>({
                offset: 0, line: 1, column: 1, length: 0,
                message: `Archsight could not parse this file (${error instanceof Error ? error.message : String(error)}).`,
            }, options);
        } finally {
            this.setRecovery(true);
        }
    }

    /** An empty model and `error`; the state a failed parse left behind is cleared first. */
    private refuse<T extends AstNode>(error: ILexingError, options?: ParserOptions): ParseResult<T> {
        (this as unknown as { stack: unknown[] }).stack = [];
        this.unorderedGroups.clear();
        const empty = super.parse<T>('', options);
        return { ...empty, lexerErrors: [error] };
    }

    private setRecovery(enabled: boolean): void {
        this.control.recoveryEnabled = enabled;
        this.control.attemptInRepetitionRecovery = enabled ? this.recover : () => undefined;
    }
}

/** Says why the syntax errors stop where they stop. */
function withStopNote<T extends AstNode>(result: ParseResult<T>): ParseResult<T> {
    const last = [...result.parserErrors].reverse().find(e => Number.isFinite(e.token.startOffset) && e.token.startOffset >= 0)?.token;
    const note = {
        offset: last?.startOffset ?? 0, line: last?.startLine ?? 1, column: last?.startColumn ?? 1, length: last?.image.length ?? 0,
        message: `More than ${INPUT_LIMITS.maxSyntaxErrors} syntax errors: the rest of the file is not analysed. Fix the first ones.`,
        severity: 'error' as const,
    };
    return { ...result, lexerReport: { diagnostics: [...result.lexerReport?.diagnostics ?? [], note] } };
}

/** Builds and finalizes the parser as Langium's `createLangiumParser` does, with our class. */
export function createArchParser(services: LangiumCoreServices): ArchParser {
    const parser = createParser(services.Grammar, new ArchParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
