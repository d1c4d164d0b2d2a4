import type { AstNode, CstNode, LangiumDocument, LeafCstNode, MaybePromise } from 'langium';
import { CstUtils, GrammarAST, GrammarUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isArchElement, isFlow, isFlowCall, isGroup, isProperty, isRelation, isWordValue } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import type { ArchModelProvider } from '../model/model-provider.js';
import { PROPERTIES } from '../model/properties.js';
import { flowCard, flowStepCard } from './flow-cards.js';
import { elementCard, groupCard, relationCard } from './hover-cards.js';
import { ARROW_DOCS, keywordDoc } from './keyword-docs.js';

/**
 * Hover: a card from the semantic model on an element or group (where it is declared
 * or referenced) and on a relation's arrow; the documentation of any other keyword, and
 * of the property a word value belongs to; on a flow's name and its steps, the budget.
 */
export class ArchHoverProvider extends AstNodeHoverProvider {
    private readonly models: ArchModelProvider;

    constructor(services: ArchServices) {
        super(services);
        this.models = services.model.ModelProvider;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = this.leafAt(root, offset);
        if (!leaf || leaf.end <= offset) return undefined;
        const card = this.declarationCard(document, leaf) ?? this.relationCard(document, leaf) ?? this.flowCard(document, leaf);
        if (card) return markdown(card);
        const property = isWordValue(leaf.astNode) && isProperty(leaf.astNode.$container) ? leaf.astNode.$container : undefined;
        if (property && Object.hasOwn(PROPERTIES, property.key)) {
            // `mesh` in `discovery mesh` is a value, not the group kind.
            return markdown(`**${leaf.text}** — value of \`${property.key}\`\n\n${PROPERTIES[property.key].doc}`);
        }
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const doc = keywordDoc(leaf.text, leaf.grammarSource);
            if (doc) return markdown(`**${leaf.text}** — ${doc.detail}\n\n${doc.documentation}`);
        }
        return undefined;
    }

    /** The token under the cursor; for a name, also when the cursor sits right after it. */
    private leafAt(root: CstNode | undefined, offset: number): LeafCstNode | undefined {
        const exact = root && CstUtils.findLeafNodeAtOffset(root, offset);
        // Arrows are not name characters, so Langium's lookup would step off them.
        if (exact && Object.hasOwn(ARROW_DOCS, exact.text)) return exact;
        return CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
    }

    private declarationCard(document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        const target = this.references.findDeclarations(leaf)[0];
        if (!isArchElement(target) && !isGroup(target)) return undefined;
        const model = this.models.getModel(document);
        const element = model.elements.get(target.name);
        if (element?.node === target) return elementCard(model, element);
        const group = model.groups.get(target.name);
        if (group?.node === target) return groupCard(model, group);
        return undefined;
    }

    private relationCard(document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        if (!Object.hasOwn(ARROW_DOCS, leaf.text) || !isRelation(leaf.astNode)) return undefined;
        const model = this.models.getModel(document);
        const relation = model.relations.find(r => r.node === leaf.astNode);
        return relation && relationCard(model, relation);
    }

    /** On a flow's name: the flow and its budgets; on a step's arrow or label: the step's worst case and budget. */
    private flowCard(document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        const node = leaf.astNode;
        const on = (property: string) => {
            const at = GrammarUtils.findNodeForProperty(node.$cstNode, property);
            return at !== undefined && at.offset <= leaf.offset && leaf.end <= at.end;
        };
        if (isFlow(node) && on('name')) {
            const flow = this.models.getModel(document).flows.get(node.name);
            return flow?.node === node ? flowCard(this.models.getModel(document), flow) : undefined;
        }
        if (isFlowCall(node) && (on('arrow') || on('label'))) {
            const model = this.models.getModel(document);
            for (const flow of model.flows.values()) {
                const index = flow.steps.findIndex(step => step.node === node);
                if (index >= 0) return flowStepCard(model, flow, index);
            }
        }
        return undefined;
    }

    protected override getAstNodeHoverContent(_node: AstNode): MaybePromise<string | undefined> {
        // Unused: getHoverContent above builds every card.
        return undefined;
    }
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}
