import type { ILexerErrorMessageProvider, IToken } from 'chevrotain';

/**
 * Lexer errors in words, like the parser's: "Unexpected character '"'." instead of
 * Chevrotain's "unexpected character: ->"<- at offset: 0, skipped 1 characters.".
 * The character is shown as text when it prints, as a code point when it does not.
 */
export class ArchLexerErrorMessages implements ILexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const char = String.fromCodePoint(fullText.codePointAt(startOffset) ?? 0xfffd);
        const skipped = length > char.length ? `; skipped ${length} characters` : '';
        return `Unexpected character ${showChar(char)}${skipped}.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected ${showChar(token.image.slice(0, 1))}.`;
    }
}

function showChar(char: string): string {
    const code = char.codePointAt(0) ?? 0;
    // Controls, separators, bidi marks and lone surrogates do not print (or print harm).
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(char) || code === 0xfffd) {
        return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
    return `'${char}'`;
}
