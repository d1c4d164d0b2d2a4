import type { GrammarAST } from 'langium';
import { AstUtils, GrammarAST as Grammar, isJSDoc, parseJSDoc } from 'langium';
import { ELEMENT_KINDS, GROUP_KINDS } from '../model/kinds.js';
import { PROPERTIES, type PropertyOwner, type PropertyType } from '../model/properties.js';

/**
 * What a keyword means, for completion items and hovers. Kinds and properties come from
 * the model's tables (the same words validation uses); other keywords from the grammar's
 * doc comments.
 */
export interface KeywordDoc {
    /** A few words: "element kind", "property: a duration". */
    readonly detail: string;
    /** Markdown. */
    readonly documentation: string;
}

export const ARROW_DOCS: Readonly<Record<string, KeywordDoc>> = {
    '->': { detail: 'synchronous call', documentation: 'A synchronous request: the caller waits for the answer. Call policies (`timeout`, `retries`, `breaker`) go in its braces.' },
    '~>': { detail: 'asynchronous message', documentation: 'An asynchronous message or event: the sender does not wait. Publish to a bus or queue, or deliver from it.' },
    '..>': { detail: 'observability link', documentation: 'An observability signal (metrics, logs or traces) sent to a back end or helper; the signal is taken from the target unless written after `:`.' },
};

export function describeValueType(type: PropertyType): string {
    switch (type.type) {
        case 'count': return type.max !== undefined ? `a whole number from ${type.min} to ${type.max}` : `a whole number, at least ${type.min}`;
        case 'duration': return 'a duration (500ms, 2s, 1m)';
        case 'size': return 'a size (512mb, 1gb)';
        case 'flag': return 'a flag';
        case 'text': return 'a text';
        case 'enum': return `one of ${type.values.join(', ')}`;
        case 'flag-or-text': return 'a flag or a text';
    }
}

function describeOwners(on: readonly PropertyOwner[] | undefined): string {
    if (!on) return 'Applies anywhere.';
    return `Applies to ${on.map(o => o === 'relation' ? 'relations' : `\`${o}\``).join(', ')}.`;
}

/** The documentation of `word` as a keyword, or undefined when it is not one we document. */
export function keywordDoc(word: string, keyword?: GrammarAST.Keyword): KeywordDoc | undefined {
    if (Object.hasOwn(ELEMENT_KINDS, word)) {
        return { detail: 'element kind', documentation: ELEMENT_KINDS[word as keyof typeof ELEMENT_KINDS].summary };
    }
    if (Object.hasOwn(GROUP_KINDS, word)) {
        return { detail: 'group kind', documentation: GROUP_KINDS[word as keyof typeof GROUP_KINDS] };
    }
    if (Object.hasOwn(PROPERTIES, word)) {
        const spec = PROPERTIES[word];
        return {
            detail: `property: ${describeValueType(spec.value)}`,
            documentation: `${spec.doc}\n\nValue: ${describeValueType(spec.value)}. ${describeOwners(spec.on)}`,
        };
    }
    if (Object.hasOwn(ARROW_DOCS, word)) return ARROW_DOCS[word];
    const fromGrammar = keyword ? grammarComment(keyword) : undefined;
    return fromGrammar ? { detail: 'keyword', documentation: fromGrammar } : undefined;
}

/** The doc comment on the keyword itself, else on the grammar rule that holds it (`trigger` → Trigger). */
function grammarComment(keyword: GrammarAST.Keyword): string | undefined {
    const rule = AstUtils.getContainerOfType(keyword, Grammar.isParserRule);
    const comment = (keyword as { $comment?: string }).$comment ?? (rule as { $comment?: string } | undefined)?.$comment;
    return comment && isJSDoc(comment) ? parseJSDoc(comment).toMarkdown() : undefined;
}
