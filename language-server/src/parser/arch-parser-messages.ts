import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { ELEMENT_KINDS, GROUP_KINDS } from '../model/kinds.js';
import { PROPERTIES } from '../model/properties.js';
import { VIEW_KEYWORDS } from '../model/view-types.js';

const ELEMENT_KEYWORDS = new Set(Object.keys(ELEMENT_KINDS));
/** Words that may also be ids: alone where an id fits they stand for an id. */
const PROPERTY_KEYWORDS = new Set([...Object.keys(PROPERTIES), ...VIEW_KEYWORDS]);
const GROUP_KEYWORDS = new Set(Object.keys(GROUP_KINDS));

/**
 * Short syntax errors. Chevrotain lists every token sequence the parser could have taken,
 * hundreds of them for a member of a block; a person needs the first tokens, grouped.
 */
export class ArchParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return `Expected ${describeToken(options.expected)} but found ${found(options.actual)}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `Unexpected ${found(options.firstRedundant)} after the end of the architecture.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        return `Unexpected ${found(options.actual[0])}: expected ${describeAlternatives(options.expectedPathsPerAlt.flat())}.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        return `Unexpected ${found(options.actual[0])}: expected ${describeAlternatives(options.expectedIterationPaths)}.`;
    }
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return 'end of file';
    return `'${token.image}'`;
}

function keywordOf(type: TokenType): string | undefined {
    return type.name.endsWith(':KW') ? type.name.slice(0, -3) : (type.name !== 'ID' && /^[^A-Z_]/.test(type.name) ? type.name : undefined);
}

function describeToken(type: TokenType): string {
    const keyword = keywordOf(type);
    if (keyword !== undefined) return `'${keyword}'`;
    switch (type.name) {
        case 'ID': return 'an id';
        case 'STRING': return 'a string';
        case 'NUMBER': return 'a number';
        case 'QUANTITY': return 'a duration or size';
        case 'EOF': return 'end of file';
        default: return type.name.toLowerCase();
    }
}

/** The first tokens of the possible paths, with element and group kinds folded into one phrase each. */
function describeAlternatives(paths: TokenType[][]): string {
    const firsts = new Set<string>();
    let elementKind = false;
    let groupKind = false;
    for (const path of paths) {
        const first = path[0];
        if (!first) continue;
        const keyword = keywordOf(first);
        if (keyword !== undefined && ELEMENT_KEYWORDS.has(keyword)) {
            // Kinds double as ids: alone they stand for an id, before an arrow they start a relation.
            if (path.length === 1) firsts.add('an id');
            else if (['->', '~>', '..>'].includes(keywordOf(path[1]) ?? '')) firsts.add('a relation (a -> b)');
            else elementKind = true;
        } else if (keyword !== undefined && PROPERTY_KEYWORDS.has(keyword) && path.length === 1) {
            firsts.add('an id');
        } else if (keyword !== undefined && GROUP_KEYWORDS.has(keyword)) {
            groupKind = true;
        } else {
            firsts.add(describeToken(first));
        }
    }
    const parts: string[] = [];
    if (elementKind) parts.push('an element (service, database, …)');
    if (groupKind) parts.push('a group (system, monolith, mesh, …)');
    if (firsts.has('an id') && (elementKind || groupKind)) {
        firsts.delete('an id');
        firsts.delete('a relation (a -> b)');
        parts.push('a relation (a -> b)');
    }
    parts.push(...firsts);
    if (parts.length === 0) return 'something else';
    return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}
