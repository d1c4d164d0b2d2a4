import type { ILexingError } from 'chevrotain';
import { TerminalScanner } from './lexer-patterns.js';

/**
 * Limits that keep the editor responsive on hostile or accidental input (a pasted log, a
 * generated file). Real architectures stay far below them.
 */
export const INPUT_LIMITS = {
    /**
     * Larger files are not analysed at all. Parsing, linking and the rules grow with size,
     * and the lexer's recovery from an unexpected character tries every token at every
     * following offset: a megabyte of garbage takes it about ten seconds.
     */
    maxFileBytes: 1024 * 1024,
    /**
     * Deeper nesting of `{ … }` is not analysed: the parser recurses once per level and
     * overflows the call stack a few hundred levels down.
     */
    maxNestingDepth: 100,
    /**
     * After this many syntax errors the parser stops recovering: its recovery recurses once
     * per error in the same block and would overflow the call stack, and nobody reads more.
     */
    maxSyntaxErrors: 100,
} as const;

/** The first limit that `text` exceeds, as a lexer error at the place it is exceeded; undefined when none is. */
export function checkInputLimits(text: string, limits = INPUT_LIMITS): ILexingError | undefined {
    const bytes = utf8Length(text, limits.maxFileBytes);
    if (bytes > limits.maxFileBytes) {
        return {
            offset: 0, line: 1, column: 1, length: 0,
            message: `File too large to analyse (${megabytes(bytes)} MB > ${megabytes(limits.maxFileBytes)} MB limit). Split it into files that import each other.`,
        };
    }
    const deep = findTooDeepBrace(text, limits.maxNestingDepth);
    if (deep !== undefined) {
        const { line, column } = lineAndColumn(text, deep);
        return {
            offset: deep, line, column, length: 1,
            message: `Groups nested deeper than ${limits.maxNestingDepth} levels: this file is not analysed. Flatten the nesting.`,
        };
    }
    return undefined;
}

/** UTF-8 size of `text`, counted only when it could be over `cap`. */
function utf8Length(text: string, cap: number): number {
    if (text.length * 3 <= cap) return text.length;
    let bytes = text.length;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // A surrogate pair is two units and four bytes: one extra byte per unit.
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) bytes += 2;
        else if (c >= 0x80) bytes += 1;
    }
    return bytes;
}

function megabytes(bytes: number): string {
    const mb = bytes / (1024 * 1024);
    return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

/**
 * The offset of the first `{` that opens a block deeper than `max`, skipping strings and
 * comments exactly as the lexer does (its own matchers, linear on hostile text): an
 * unterminated quote or `/*` is one skipped character, after which braces count again,
 * and a `//` comment ends at CR as at LF. Undefined when nesting stays within `max`.
 */
export function findTooDeepBrace(text: string, max: number): number | undefined {
    const scanner = new TerminalScanner();
    // Only these characters matter: the expression finds the next one in native code, where a
    // loop over every character ran in the interpreter (every CLI run checks each file once).
    const next = /["'/{}]/g;
    let depth = 0;
    let i = 0;
    while (i < text.length) {
        next.lastIndex = i;
        if (!next.exec(text)) return undefined;
        i = next.lastIndex - 1;
        const c = text[i];
        if (c === '"' || c === "'") {
            const end = scanner.stringEnd(text, i);
            i = end < 0 ? i + 1 : end;
        } else if (c === '/' && text[i + 1] === '/') {
            i = lineEnd(text, i);
        } else if (c === '/' && text[i + 1] === '*') {
            const end = scanner.blockCommentEnd(text, i);
            i = end < 0 ? i + 1 : end;
        } else {
            if (c === '{' && ++depth > max) return i;
            if (c === '}' && depth > 0) depth--;
            i++;
        }
    }
    return undefined;
}

function lineEnd(text: string, start: number): number {
    for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) return i;
    }
    return text.length;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    // Lines end at CRLF, LF or a lone CR, as the editor counts them.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
        if (c === 10 || c === 13) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
