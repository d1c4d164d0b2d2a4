import type { AstNodeDescription, Cancellation, GrammarAST, LangiumDocument, LexerResult, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, GrammarAST as Grammar } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { CompletionItemKind, CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { ArchServices } from '../arch-module.js';
import { ELEMENT_KINDS, GROUP_KINDS, type GroupKind } from '../model/kinds.js';
import type { ArchModelProvider } from '../model/model-provider.js';
import { PROPERTIES } from '../model/properties.js';
import { letGoOfCompleteWord, wordBefore } from './complete-word.js';
import { completionSpot, type Arrow, type CompletionSpot } from './completion-spot.js';
import { fitsArrowTarget, fitsOwner, fitsTrigger, type Candidate } from './completion-fit.js';
import { completionKindOf, isElementKind } from './kind-icons.js';
import { keywordDoc } from './keyword-docs.js';
import { keywordFits } from './keyword-fit.js';
import { PROTOCOLS, TECHNOLOGIES } from './technologies.js';

/** Value examples offered after keys whose values have a unit. */
const VALUE_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
    duration: ['500ms', '1s', '2s', '5s', '30s'],
    size: ['128mb', '256mb', '512mb', '1gb', '2gb'],
};

/**
 * Completion that knows the architecture: only the keys, kinds and ids that fit where
 * the cursor is, values for the key just written, and technologies after `:`.
 */
export class ArchCompletionProvider extends DefaultCompletionProvider {
    private readonly models: ArchModelProvider;
    private readonly spots = new WeakMap<CompletionContext, CompletionSpot>();

    constructor(services: ArchServices) {
        super(services);
        this.models = services.model.ModelProvider;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: Cancellation.CancellationToken): Promise<CompletionList | undefined> {
        // Langium's lexer-based search skips comments and strings, and would offer keywords inside them.
        const offset = document.textDocument.offsetAt(params.position);
        const text = document.textDocument.getText();
        if (insideCommentOrString(this.lexer.tokenize(text), offset)) return CompletionList.create([], false);
        return letGoOfCompleteWord(await super.getCompletion(document, params, cancelToken), wordBefore(text, offset));
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const spot = this.spotOf(context);
        if (spot.technologyOf) {
            const words = 'kind' in spot.technologyOf ? TECHNOLOGIES[spot.technologyOf.kind] ?? [] : technologiesOfArrow(spot.technologyOf.arrow);
            for (const word of words) acceptor(context, { label: word, kind: CompletionItemKind.Constant, detail: 'technology', sortText: '0' });
            return;
        }
        if (spot.valueKey) {
            const type = PROPERTIES[spot.valueKey].value;
            const values = type.type === 'enum' ? type.values : VALUE_EXAMPLES[type.type] ?? [];
            for (const value of values) {
                acceptor(context, { label: value, kind: CompletionItemKind.EnumMember, detail: `${spot.valueKey} value`, sortText: '0' });
            }
            // Only flags may be followed directly by the next key.
            if (type.type !== 'flag' && type.type !== 'flag-or-text') return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, Grammar.isParserRule)?.name;
        const word = keyword.value;
        if (!keywordFits(this.spotOf(context), word, rule)) return;
        const doc = keywordDoc(word, keyword);
        acceptor(context, {
            label: word,
            kind: keywordKind(word, rule),
            detail: doc?.detail ?? 'keyword',
            documentation: doc && { kind: 'markdown', value: doc.documentation },
            sortText: rule === 'PropertyKey' ? '0' : '1',
        });
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const spot = this.spotOf(context);
        const fits = spot.arrow ? (c: Candidate) => fitsArrowTarget(c, spot.arrow!.arrow, spot.arrow!.sourceId)
            : spot.previous === 'trigger' ? fitsTrigger
            : spot.previous === 'owner' ? fitsOwner
            : undefined;
        if (!fits) return candidates;
        return candidates.filter(d => fits(this.candidateOf(d, context)));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, _refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const candidate = this.candidateOf(description, context);
        const summary = candidate.kind && (isElementKind(candidate.kind) ? ELEMENT_KINDS[candidate.kind].summary : GROUP_KINDS[candidate.kind as GroupKind]);
        return {
            nodeDescription: description,
            kind: candidate.kind ? completionKindOf(candidate.kind) : CompletionItemKind.Reference,
            detail: [candidate.kind, candidate.technology, candidate.label !== candidate.id ? candidate.label : undefined].filter(Boolean).join(' · '),
            documentation: summary ? { kind: 'markdown', value: summary } : undefined,
            sortText: '0',
        };
    }

    /** Kind, technology and label of a candidate: from its node, else from the semantic model. */
    private candidateOf(description: AstNodeDescription, context: CompletionContext): Candidate {
        const node = description.node as { kind?: string; label?: string; technology?: string } | undefined;
        if (node?.kind) return { id: description.name, kind: node.kind, label: node.label ?? description.name, technology: node.technology };
        const model = this.models.getModel(context.document);
        const known = model.elements.get(description.name) ?? model.groups.get(description.name);
        return { id: description.name, kind: known?.kind, label: known?.label ?? description.name, technology: known?.technology };
    }

    private spotOf(context: CompletionContext): CompletionSpot {
        let spot = this.spots.get(context);
        if (!spot) {
            const before = context.textDocument.getText().substring(0, context.tokenOffset);
            spot = completionSpot(this.lexer.tokenize(before).tokens);
            this.spots.set(context, spot);
        }
        return spot;
    }
}

function insideCommentOrString({ tokens, hidden }: LexerResult, offset: number): boolean {
    const inside = (t: LexerResult['tokens'][number]) => {
        const end = t.startOffset + t.image.length;
        // The end of a line comment is still in it; right after a closing quote or `*/` is not.
        return t.startOffset < offset && (offset < end || offset === end && t.image.startsWith('//'));
    };
    return hidden.some(inside) || tokens.some(t => t.tokenType.name === 'STRING' && inside(t));
}

function technologiesOfArrow(arrow: Arrow): readonly string[] {
    if (arrow === '..>') return ['metrics', 'logs', 'traces'];
    return PROTOCOLS[arrow === '->' ? 'sync' : 'async'];
}

function keywordKind(word: string, rule: string | undefined): CompletionItemKind {
    if (rule === 'ElementKind' || rule === 'GroupKind') return completionKindOf(word);
    if (rule === 'PropertyKey') return CompletionItemKind.Property;
    if (rule === 'Arrow') return CompletionItemKind.Operator;
    return CompletionItemKind.Keyword;
}
