import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { ELEMENT_KINDS, GROUP_KINDS } from '../model/kinds.js';
import { PROPERTIES } from '../model/properties.js';
import { closestName } from '../references/arch-linker.js';

/** A word the lexer read as an id where only a keyword fits, and the keyword it stands for. */
export interface Repair {
    readonly offset: number;
    readonly keyword: string;
}

export interface RepairedTokens {
    readonly tokens: IToken[];
    readonly errors: ILexingError[];
    /** By offset of the repaired token: the keyword the parser read there. */
    readonly repairs: Map<number, string>;
}

const KINDS = [...Object.keys(ELEMENT_KINDS), ...Object.keys(GROUP_KINDS)];
const KEYS = Object.keys(PROPERTIES);
const ELEMENT_BODY = [...KEYS, 'trigger', 'owner', ...Object.keys(ELEMENT_KINDS)];
const ARROWS = new Set(['->', '~>', '..>']);

// `free`: the body of a view, a flow, a parallel block or `meta`, whose words are ids, clauses or the user's own keys, never property keys.
type Context = 'members' | 'group' | 'element' | 'properties' | 'free';

/**
 * Reads past the two slips a person makes most, so that one slip is one error and the
 * rest of the file is still read: a misspelt keyword (`servce orders`, `{ replicaz 3 }`)
 * is parsed as the keyword it is close to, with "Did you mean …?"; an arrow written as
 * `=>` is parsed as `->`. Stray characters get a message in our words. Only words that
 * the parser would reject are touched: an id where a kind or a property key must stand.
 */
export function repairTokens(text: string, tokens: IToken[], errors: ILexingError[], types: Record<string, TokenType>): RepairedTokens {
    const repairs = new Map<number, string>();
    const out: IToken[] = [];
    const messages: ILexingError[] = [];
    // Read with an index, not shift(): 500 KB of garbage is 250,000 strays, and each shift copies the rest.
    const strays = errors;
    let nextStray = 0;
    const stack: Context[] = [];
    let statementStart = 0;

    const context = (): Context => stack[stack.length - 1] ?? 'members';
    const keywordToken = (token: IToken, keyword: string): IToken => {
        const type = types[keyword];
        return { ...token, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! };
    };

    for (let i = 0; i < tokens.length; i++) {
        let token = tokens[i];
        const previous = out[out.length - 1];
        // Stray characters between the previous token and this one.
        while (nextStray < strays.length && strays[nextStray].offset < token.startOffset) {
            const stray = strays[nextStray++];
            const image = text.substr(stray.offset, stray.length);
            messages.push({ ...stray, message: strayMessage(image, text[stray.offset - 1]) ?? stray.message });
            if (/^=+>+$/.test(image) && previous && isWord(previous) && isWord(token) && previous.endLine === token.startLine) {
                const arrow = types['->'];
                out.push({ ...token, image, startOffset: stray.offset, endOffset: stray.offset + stray.length - 1,
                    startColumn: stray.column, endColumn: stray.column! + stray.length - 1, startLine: stray.line, endLine: stray.line,
                    tokenType: arrow, tokenTypeIdx: arrow.tokenTypeIdx! });
                repairs.set(stray.offset, '->');
            }
        }
        const name = token.tokenType.name;
        const last = out[out.length - 1];
        const newLine = !last || last.endLine! < token.startLine!;
        if (name === '}' || name !== '{' && newLine && (context() === 'members' || context() === 'group')) statementStart = out.length;
        // A sidecar declared in an element's body starts a statement of its own.
        else if (context() === 'element' && name in ELEMENT_KINDS) statementStart = out.length;
        if (name === 'ID') {
            const next = tokens[i + 1];
            const candidates = misspeltKeywordCandidates(context(), out, statementStart, token, next, stack.length);
            const keyword = candidates && closestName(token.image, candidates);
            if (keyword && types[keyword]) {
                messages.push({
                    offset: token.startOffset, length: token.image.length, line: token.startLine, column: token.startColumn,
                    message: `Unknown ${KINDS.includes(keyword) ? 'kind' : keyword in PROPERTIES ? 'property' : 'keyword'} '${token.image}'. Did you mean '${keyword}'?`,
                });
                repairs.set(token.startOffset, keyword);
                token = keywordToken(token, keyword);
            }
        }
        // `meta { owner "payments" }` holds the user's own keys, wherever it stands; what a free body holds is free.
        if (name === '{') stack.push(context() === 'free' || out[out.length - 1]?.tokenType.name === 'meta' ? 'free' : bodyOf(out[statementStart], out[statementStart + 1]));
        if (name === '}') stack.pop();
        out.push(token);
        if (name === '{' || name === '}') statementStart = out.length;
    }
    for (const stray of strays.slice(nextStray)) messages.push({ ...stray, message: strayMessage(text.substr(stray.offset, stray.length), text[stray.offset - 1]) ?? stray.message });
    return { tokens: out, errors: messages.sort((a, b) => a.offset - b.offset), repairs };
}

/** What the keywords are that may stand where this id stands, if the parser would reject an id there. */
function misspeltKeywordCandidates(context: Context, out: IToken[], statementStart: number, word: IToken, next: IToken | undefined, depth: number): string[] | undefined {
    const previous = out[out.length - 1];
    const sameLine = next !== undefined && next.startLine === word.endLine;
    if (context === 'free') return undefined;
    if (context === 'members' || context === 'group') {
        if (out.length !== statementStart || !next || !sameLine) return undefined;
        const after = next.tokenType.name;
        if (after === 'ID') return KINDS;
        if (after === 'STRING' && depth === 0) return ['architecture', 'import'];
        if (context === 'group' && (after === 'NUMBER' || after === 'QUANTITY')) return KEYS;
        return undefined;
    }
    // In a body of properties, a key stands first on its line, after `{`, after a value
    // (number, quantity, string) or after a flag; an id anywhere else is a value or part
    // of a technology (`envoy-proxy`, `node.js`), and is left alone.
    if (previous && previous.endLine === word.startLine) {
        const before = previous.tokenType.name;
        const afterValue = before === '{' || before === 'NUMBER' || before === 'QUANTITY' || before === 'STRING';
        const afterFlag = PROPERTIES[before]?.value.type === 'flag';
        if (!afterValue && !afterFlag) return undefined;
    }
    return context === 'element' ? ELEMENT_BODY : KEYS;
}

/** The body a `{` opens, from the first two tokens of its statement (kinds double as ids: `logs -> x { … }`). */
function bodyOf(start: IToken | undefined, second: IToken | undefined): Context {
    const name = start?.tokenType.name ?? '';
    if (second && ARROWS.has(second.tokenType.name)) return 'properties';
    if (name in ELEMENT_KINDS) return 'element';
    if (name in GROUP_KINDS) return 'group';
    if (name === 'architecture') return 'members';
    if (name === 'flow' || name === 'view' || name === 'parallel') return 'free';
    return 'properties';
}

function isWord(token: IToken): boolean {
    return token.tokenType.name === 'ID' || /^[a-z]/.test(token.tokenType.name);
}

/**
 * Stray characters that say more than "Unexpected character" (the lexer's own message, see
 * `arch-lexer-messages.ts`): an arrow-like one names the arrows; an unterminated string or
 * comment says what is missing.
 */
export function strayMessage(image: string, before = ''): string | undefined {
    if (before === '/' && image[0] === '*') return 'A comment starts here and never ends: add the closing */.';
    if (/^[=<>]{1,3}$/.test(image)) {
        return `'${image}' is not an arrow: write '->' for a call, '~>' for a message or '..>' for an observability link.`;
    }
    if (image[0] === '"' || image[0] === "'") return `A string starts here and never ends: add the closing ${image[0]}.`;
    return undefined;
}
