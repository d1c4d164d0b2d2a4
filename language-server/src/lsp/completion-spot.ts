import type { LexerResult } from 'langium';
import { ELEMENT_KINDS, GROUP_KINDS, type ElementKind, type GroupKind } from '../model/kinds.js';
import { PROPERTIES } from '../model/properties.js';

/**
 * Where the cursor is, read from the tokens before it. Completion works on text that
 * often does not parse yet (`orders -> |`), so this reads tokens rather than the AST.
 */

export type Arrow = '->' | '~>' | '..>';
export const ARROWS: readonly Arrow[] = ['->', '~>', '..>'];

/** The braces the cursor is in. */
export type Body =
    | { readonly of: 'top' }
    | { readonly of: 'group'; readonly kind: GroupKind }
    | { readonly of: 'element'; readonly kind: ElementKind }
    | { readonly of: 'relation'; readonly arrow: Arrow };

export interface CompletionSpot {
    readonly body: Body;
    /** The cursor is where the value of this property key goes. */
    readonly valueKey?: string;
    /** The cursor follows the `:` of a declaration (its kind) or of a relation (its arrow). */
    readonly technologyOf?: { readonly kind: ElementKind | GroupKind } | { readonly arrow: Arrow };
    /** The cursor follows an arrow: the target goes here. */
    readonly arrow?: { readonly arrow: Arrow; readonly sourceId?: string };
    /** The cursor is where the id of a new declaration goes: nothing to offer. */
    readonly expectsName?: boolean;
    /** The token right before the cursor's token (`trigger`, `owner`, …). */
    readonly previous?: string;
    /** Property keys already written in the body the cursor is in. */
    readonly writtenKeys: ReadonlySet<string>;
}

type IToken = LexerResult['tokens'][number];

/** Element kinds double as ids (`logs`, `timer`); group kinds do not. */
function isId(token: IToken | undefined): boolean {
    return token !== undefined && (token.tokenType.name === 'ID' || Object.hasOwn(ELEMENT_KINDS, token.image));
}

function isKind(token: IToken): boolean {
    return Object.hasOwn(ELEMENT_KINDS, token.image) || Object.hasOwn(GROUP_KINDS, token.image);
}

function isArrow(token: IToken | undefined): token is IToken & { image: Arrow } {
    return token !== undefined && (ARROWS as readonly string[]).includes(token.image);
}

/**
 * What the statement written in `tokens[from..to)` is: the last declaration header
 * (`kind id`) or relation (`a -> b`) in it. `metrics` is both a kind and an id, hence
 * "a kind followed by an id", and the later of the two wins.
 */
function statementOf(tokens: readonly IToken[], from: number, to: number): Exclude<Body, { of: 'top' }> | undefined {
    let declaration = -1;
    let arrow = -1;
    for (let i = from; i < to; i++) {
        if (isKind(tokens[i]) && i + 1 < to && isId(tokens[i + 1])) declaration = i;
        if (isArrow(tokens[i])) arrow = i;
    }
    if (arrow > declaration) return { of: 'relation', arrow: tokens[arrow].image as Arrow };
    if (declaration < 0) return undefined;
    const kind = tokens[declaration].image;
    return Object.hasOwn(ELEMENT_KINDS, kind) ? { of: 'element', kind: kind as ElementKind } : { of: 'group', kind: kind as GroupKind };
}

/** Reads the completion spot from the tokens that end right before the cursor's token. */
export function completionSpot(tokens: readonly IToken[]): CompletionSpot {
    const frames: Array<{ body: Body; keys: Set<string> }> = [{ body: { of: 'top' }, keys: new Set() }];
    // Where the current statement starts: after the last brace.
    let statementStart = 0;
    tokens.forEach((token, i) => {
        if (token.image === '{') {
            frames.push({ body: statementOf(tokens, statementStart, i) ?? { of: 'top' }, keys: new Set() });
            statementStart = i + 1;
        } else if (token.image === '}') {
            if (frames.length > 1) frames.pop();
            statementStart = i + 1;
        } else if (isKey(tokens, i)) {
            frames[frames.length - 1].keys.add(token.image);
        }
    });
    const { body, keys: writtenKeys } = frames[frames.length - 1];
    const last = tokens[tokens.length - 1];
    const spot = { body, writtenKeys, previous: last?.image };
    if (!last) return spot;
    if (isArrow(last)) {
        const before = tokens[tokens.length - 2];
        return { ...spot, arrow: { arrow: last.image, sourceId: isId(before) ? before.image : undefined } };
    }
    if (last.image === ':') {
        const statement = statementOf(tokens, statementStart, tokens.length - 1);
        if (statement?.of === 'relation') return { ...spot, technologyOf: { arrow: statement.arrow } };
        if (statement) return { ...spot, technologyOf: { kind: statement.kind } };
        return spot;
    }
    if (body.of !== 'top' && isKey(tokens, tokens.length - 1)) return { ...spot, valueKey: last.image };
    if (startsDeclaration(tokens, tokens.length - 1)) return { ...spot, expectsName: true };
    return spot;
}

const NOT_BEFORE_DECLARATION = new Set(['trigger', 'owner', ':', '-', '.', '/', ...ARROWS]);

/**
 * Whether `tokens[i]` is the kind keyword of a declaration, rather than an id that
 * happens to be a kind word: the target in `a -> timer`, the name in `service timer`.
 */
function startsDeclaration(tokens: readonly IToken[], i: number): boolean {
    if (!isKind(tokens[i])) return false;
    const before = tokens[i - 1];
    if (!before) return true;
    if (NOT_BEFORE_DECLARATION.has(before.image) || isKey(tokens, i - 1)) return false;
    return !startsDeclaration(tokens, i - 1);
}

function isKey(tokens: readonly IToken[], i: number): boolean {
    return i >= 0 && Object.hasOwn(PROPERTIES, tokens[i].image) && !isValueOf(tokens[i - 1], tokens[i].image);
}

/** `auth mtls`: `mtls` is a key, but here it is the value of `auth`. */
function isValueOf(key: IToken | undefined, word: string): boolean {
    const type = key && Object.hasOwn(PROPERTIES, key.image) ? PROPERTIES[key.image].value : undefined;
    return type?.type === 'enum' && type.values.includes(word);
}
