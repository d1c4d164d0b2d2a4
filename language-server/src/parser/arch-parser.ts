import type { ILexingError } from 'chevrotain';
import type { AstNode, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { AstUtils, createParser, GrammarUtils, LangiumParser } from 'langium';
import type { ArchLexer } from './arch-lexer.js';
import { FastParser } from './fast-parser.js';
import { checkInputLimits, INPUT_LIMITS } from './input-limits.js';
import { RecoveryGuard, type StopReason } from './recovery-guard.js';

/**
 * The language's parser. Text without syntax errors is parsed by the fast path
 * (`FastParser`); text with errors, or where the fast path is unsure, by Chevrotain's
 * parser, built the first time it is needed (`RecoveringParser`). Both build the same tree.
 *
 * The fast path saves most at a cold start (nothing to build, less code to warm up); warm,
 * both parse a valid text in about the same time, and a text with an error late in it costs
 * the fast path's attempt on top of Chevrotain's parse. So after a text with an error the
 * parser goes straight to Chevrotain, as an editor's text stays broken for a few keystrokes,
 * and tries the fast path again once Chevrotain has parsed a text without errors.
 */
export class ArchParser extends FastParser {
    private recovering: RecoveringParser | undefined;
    /** Whether the last text parsed had an error (or was left to Chevrotain for another reason). */
    private lastHadErrors = false;

    constructor(private readonly services: LangiumCoreServices) {
        super(services);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const fast = this.lastHadErrors || checkInputLimits(input) ? undefined : this.tryParse<T>(input, options);
        if (fast) {
            applyRepairs(fast.value, (this.lexer as Partial<ArchLexer>).takeRepairs?.());
            return fast;
        }
        const result = this.full().parse<T>(input, options);
        this.lastHadErrors = result.parserErrors.length > 0 || result.lexerErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
        return result;
    }

    /** Chevrotain's parser, with error recovery; building it takes a tenth of a second. */
    full(): RecoveringParser {
        if (!this.recovering) {
            this.recovering = createParser(this.services.Grammar, new RecoveringParser(shippedParserServices(this.services)), this.services.parser.Lexer.definition);
            this.recovering.finalize();
        }
        return this.recovering;
    }
}

/**
 * Chevrotain's parser, which never throws and never overflows the stack:
 * - text over the size or nesting limits is not parsed; the document gets an empty model
 *   and one error that names the limit;
 * - syntax error recovery is bounded (see `RecoveryGuard`); where it stops, an error says
 *   that the rest of the file is not analysed;
 * - anything else that throws leaves an empty model and an error, not a broken parser.
 * Limits are reported as lexer errors, so the formatter leaves such files alone.
 */
export class RecoveringParser extends LangiumParser {
    private readonly guard = new RecoveryGuard(this.wrapper);

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const limit = checkInputLimits(input);
        if (limit) return this.refuse<T>(limit, input, options);
        this.guard.start();
        try {
            const result = capLexerErrors(super.parse<T>(input, options));
            applyRepairs(result.value, (this.lexer as Partial<ArchLexer>).takeRepairs?.());
            return this.guard.stopped ? withStopNote(result, this.guard.stopped) : result;
        } catch (error) {
            return this.refuse<T>({
                offset: 0, line: 1, column: 1, length: 0,
                message: `Archsight could not parse this file (${error instanceof Error ? error.message : String(error)}).`,
            }, input, options);
        }
    }

    /** An empty model and `error`; the state a failed parse left behind is cleared first. */
    private refuse<T extends AstNode>(error: ILexingError, input: string, options?: ParserOptions): ParseResult<T> {
        (this as unknown as { stack: unknown[] }).stack = [];
        this.unorderedGroups.clear();
        this.guard.start();
        const empty = super.parse<T>('', options);
        // The tree still belongs to `input`: whoever compares its text with the document's
        // (is this parse current?) must see the document's text, though nothing was read.
        const root = empty.value.$cstNode?.root;
        if (root) (root as unknown as { _text: string })._text = input;
        return { ...empty, lexerErrors: [error] };
    }
}

/** Where the lexer read a keyword in place of a misspelt word, the tree gets the keyword meant. */
function applyRepairs(root: AstNode, repairs: Map<number, string> | undefined): void {
    if (!repairs || repairs.size === 0) return;
    for (const node of AstUtils.streamAst(root)) {
        for (const feature of ['kind', 'key', 'arrow'] as const) {
            const offset = GrammarUtils.findNodeForProperty(node.$cstNode, feature)?.offset;
            const keyword = offset === undefined ? undefined : repairs.get(offset);
            if (keyword !== undefined) (node as unknown as Record<string, string>)[feature] = keyword;
        }
    }
}

/**
 * Character-level errors meet the same limit as the parser's: a megabyte of `x@` is half a
 * million of them, which nobody reads and which made a 118 MB message to the editor.
 */
function capLexerErrors<T extends AstNode>(result: ParseResult<T>): ParseResult<T> {
    const max = INPUT_LIMITS.maxSyntaxErrors;
    if (result.lexerErrors.length <= max) return result;
    const last = result.lexerErrors[max - 1];
    const note: ILexingError = {
        offset: last.offset, line: last.line, column: last.column, length: last.length,
        message: `More than ${max} unexpected characters: only the first ${max} are reported.`,
    };
    return { ...result, lexerErrors: [...result.lexerErrors.slice(0, max), note] };
}

/** Says why the syntax errors stop where they stop. */
function withStopNote<T extends AstNode>(result: ParseResult<T>, reason: StopReason): ParseResult<T> {
    const last = [...result.parserErrors].reverse().find(e => Number.isFinite(e.token.startOffset) && e.token.startOffset >= 0)?.token;
    const note = {
        offset: last?.startOffset ?? 0, line: last?.startLine ?? 1, column: last?.startColumn ?? 1, length: last?.image.length ?? 0,
        message: reason === 'too-many'
            ? `More than ${INPUT_LIMITS.maxSyntaxErrors} syntax errors: the rest of the file is not analysed. Fix the first ones.`
            : 'The parser cannot recover from this syntax error: the rest of the file is not analysed. Fix this one first.',
        severity: 'error' as const,
    };
    return { ...result, lexerReport: { diagnostics: [...result.lexerReport?.diagnostics ?? [], note] } };
}

/** Set by the bundles (`scripts/bundle.mjs`); undefined when the sources run (tests). */
declare const ARCHSIGHT_BUNDLED: boolean | undefined;

/** The parser service; Chevrotain's parser is only built for a text the fast path leaves to it. */
export function createArchParser(services: LangiumCoreServices): ArchParser {
    return new ArchParser(services);
}

/**
 * The shipped bundles build their parsers as Langium's production mode does: without
 * Chevrotain's grammar checks (ambiguities, left recursion), which cost a tenth of a
 * CLI run on a small file. Tests run the sources, so the grammar is still checked there.
 */
export function shippedParserServices<S extends LangiumCoreServices>(services: S): S {
    if (typeof ARCHSIGHT_BUNDLED === 'undefined' || !ARCHSIGHT_BUNDLED) return services;
    const metaData = { ...services.LanguageMetaData, mode: 'production' as const };
    // Everything else is looked up on the real services (they are created lazily).
    return Object.create(services, { LanguageMetaData: { value: metaData } }) as S;
}
