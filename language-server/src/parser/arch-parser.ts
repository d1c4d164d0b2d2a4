import type { ILexingError, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { EarlyExitException, NoViableAltException } from 'chevrotain';
import type { AstNode, LangiumCoreServices, ParseResult, ParserOptions } from 'langium';
import { createParser, LangiumParser } from 'langium';
import { checkInputLimits, INPUT_LIMITS } from './input-limits.js';

/** The parts of Chevrotain's parser that the error cap switches; not in its public types. */
interface RecoveryControl {
    maxLookahead: number;
    errorMessageProvider: IParserErrorMessageProvider;
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
    raiseEarlyExitException(occurrence: number, prodType: unknown, userDefinedErrMsg: string | undefined): never;
    getCurrRuleFullName(): string;
    LA(i: number): IToken;
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
            const errors = this.control._errors;
            if (errors.some(e => e.token === error.token && e.message === error.message)) {
                // Recovery that reports an error it reported before makes no progress (it
                // looped until the stack overflowed): stop there.
                this.stop('stuck');
                return error;
            }
            const saved = save(error);
            if (errors.length >= INPUT_LIMITS.maxSyntaxErrors) this.stop('too-many');
            return saved;
        };
        this.cacheExpectedPaths();
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const limit = checkInputLimits(input);
        if (limit) return this.refuse<T>(limit, input, options);
        this.setRecovery(true);
        this.stopped = undefined;
        try {
            const result = super.parse<T>(input, options);
            return this.stopped ? withStopNote(result, this.stopped) : result;
        } catch (error) {
            return this.refuse<T>({
                offset: 0, line: 1, column: 1, length: 0,
                message: `Archsight could not parse this file (${error instanceof Error ? error.message : String(error)}).`,
            }, input, options);
        } finally {
            this.setRecovery(true);
        }
    }

    /** An empty model and `error`; the state a failed parse left behind is cleared first. */
    private refuse<T extends AstNode>(error: ILexingError, input: string, options?: ParserOptions): ParseResult<T> {
        (this as unknown as { stack: unknown[] }).stack = [];
        this.unorderedGroups.clear();
        const empty = super.parse<T>('', options);
        // The tree still belongs to `input`: whoever compares its text with the document's
        // (is this parse current?) must see the document's text, though nothing was read.
        const root = empty.value.$cstNode?.root;
        if (root) (root as unknown as { _text: string })._text = input;
        return { ...empty, lexerErrors: [error] };
    }

    /**
     * For each syntax error Chevrotain lists every token path that could have come, afresh
     * each time: for a block member tens of thousands of paths, half a second per error,
     * so a hundred errors froze the editor for a minute. The paths depend only on the place
     * in the grammar, so they are computed once per place and reused; the messages stay
     * exactly as Chevrotain's own raise methods build them.
     */
    private cacheExpectedPaths(): void {
        const control = this.control;
        const paths = new Map<string, TokenType[][][] | TokenType[][]>();
        const lookahead = () => Array.from({ length: control.maxLookahead }, (_, i) => control.LA(i + 1));
        /** Runs Chevrotain's own raise once, keeping the paths it hands to the message provider. */
        const firstTime = (key: string, raise: () => never, method: 'buildNoViableAltMessage' | 'buildEarlyExitMessage'): never => {
            const provider = control.errorMessageProvider;
            const capture = Object.create(provider) as IParserErrorMessageProvider;
            capture[method] = (options: Parameters<IParserErrorMessageProvider[typeof method]>[0]) => {
                paths.set(key, 'expectedPathsPerAlt' in options ? options.expectedPathsPerAlt : options.expectedIterationPaths);
                return (provider[method] as (o: typeof options) => string)(options);
            };
            control.errorMessageProvider = capture;
            try {
                return raise();
            } finally {
                control.errorMessageProvider = provider;
            }
        };
        const raiseNoAlt = control.raiseNoAltException.bind(control);
        control.raiseNoAltException = (occurrence, errMsgTypes) => {
            const ruleName = control.getCurrRuleFullName();
            const key = `alt|${ruleName}|${occurrence}`;
            const expectedPathsPerAlt = paths.get(key) as TokenType[][][] | undefined;
            if (!expectedPathsPerAlt) return firstTime(key, () => raiseNoAlt(occurrence, errMsgTypes), 'buildNoViableAltMessage');
            const previous = control.LA(0);
            const message = control.errorMessageProvider.buildNoViableAltMessage({ expectedPathsPerAlt, actual: lookahead(), previous, customUserDescription: errMsgTypes, ruleName });
            throw control.SAVE_ERROR(new NoViableAltException(message, control.LA(1), previous));
        };
        const raiseEarlyExit = control.raiseEarlyExitException.bind(control);
        control.raiseEarlyExitException = (occurrence, prodType, userDefinedErrMsg) => {
            const ruleName = control.getCurrRuleFullName();
            const key = `exit|${ruleName}|${occurrence}|${String(prodType)}`;
            const expectedIterationPaths = paths.get(key) as TokenType[][] | undefined;
            if (!expectedIterationPaths) return firstTime(key, () => raiseEarlyExit(occurrence, prodType, userDefinedErrMsg), 'buildEarlyExitMessage');
            const previous = control.LA(0);
            const message = control.errorMessageProvider.buildEarlyExitMessage({ expectedIterationPaths, actual: lookahead(), previous, customUserDescription: userDefinedErrMsg, ruleName });
            throw control.SAVE_ERROR(new EarlyExitException(message, control.LA(1), previous));
        };
    }

    /** Why this parse stopped recovering, if it did. */
    private stopped: StopReason | undefined;

    private stop(reason: StopReason): void {
        this.stopped ??= reason;
        this.setRecovery(false);
    }

    private setRecovery(enabled: boolean): void {
        this.control.recoveryEnabled = enabled;
        this.control.attemptInRepetitionRecovery = enabled ? this.recover : () => undefined;
    }
}

type StopReason = 'too-many' | 'stuck';

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

/** Builds and finalizes the parser as Langium's `createLangiumParser` does, with our class. */
export function createArchParser(services: LangiumCoreServices): ArchParser {
    const parser = createParser(services.Grammar, new ArchParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
