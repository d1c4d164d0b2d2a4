import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { EarlyExitException, NoViableAltException } from 'chevrotain';
import { INPUT_LIMITS } from './input-limits.js';

/** The parts of Chevrotain's parser that the guards switch; not in its public types. */
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

/** Why a parse stopped recovering from syntax errors. */
export type StopReason = 'too-many' | 'stuck';

/**
 * Keeps Chevrotain's error recovery bounded, for the document parser and the completion
 * parser alike:
 * - after `maxSyntaxErrors` errors it stops recovering (the recovery recurses once per
 *   error in the same block and overflowed the stack a thousand errors in);
 * - recovery that reports an error it reported before makes no progress: it stops there;
 * - the token paths that error messages list are computed once per place in the grammar.
 */
export class RecoveryGuard {
    private readonly control: RecoveryControl;
    private readonly recover: RecoveryControl['attemptInRepetitionRecovery'];
    private reason: StopReason | undefined;

    constructor(wrapper: unknown) {
        this.control = wrapper as RecoveryControl;
        this.recover = this.control.attemptInRepetitionRecovery;
        const save = this.control.SAVE_ERROR.bind(this.control);
        this.control.SAVE_ERROR = error => {
            const errors = this.control._errors;
            if (errors.some(e => e.token === error.token && e.message === error.message)) {
                this.stop('stuck');
                return error;
            }
            const saved = save(error);
            if (errors.length >= INPUT_LIMITS.maxSyntaxErrors) this.stop('too-many');
            return saved;
        };
        this.cacheExpectedPaths();
    }

    /** Call before each parse: recovery on, nothing stopped. */
    start(): void {
        this.reason = undefined;
        this.setRecovery(true);
    }

    /** Why the last parse stopped recovering, if it did. */
    get stopped(): StopReason | undefined {
        return this.reason;
    }

    private stop(reason: StopReason): void {
        this.reason ??= reason;
        this.setRecovery(false);
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

    private setRecovery(enabled: boolean): void {
        this.control.recoveryEnabled = enabled;
        this.control.attemptInRepetitionRecovery = enabled ? this.recover : () => undefined;
    }
}
