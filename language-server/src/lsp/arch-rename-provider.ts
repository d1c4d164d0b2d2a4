import type { Grammar, LangiumDocument, LangiumDocuments, Lexer } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import type { RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Model } from '../../generated/ast.js';
import { isArchElement, isGroup } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import type { ArchModelProvider } from '../model/model-provider.js';
import { importClosure } from '../workspace/imports.js';

/**
 * Rename across files (Langium finds the references in every document that imports the
 * declaration), refusing new names that would not parse as an id or that another
 * declaration already has where the renamed one is visible.
 */
export class ArchRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;
    private readonly documents: LangiumDocuments;
    private readonly models: ArchModelProvider;
    /** Keywords that may stand as ids (element kinds: `service timer`). */
    private readonly idKeywords: ReadonlySet<string>;

    constructor(services: ArchServices) {
        super(services);
        this.lexer = services.parser.Lexer;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.models = services.model.ModelProvider;
        this.idKeywords = keywordsOfRule(services.Grammar, 'Id');
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        if (!isArchElement(target) && !isGroup(target)) return super.rename(document, params);
        const problem = this.checkName(params.newName) ?? this.checkFree(target.name, params.newName, AstUtils.getDocument(target));
        if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        return super.rename(document, params);
    }

    /** Why `name` cannot be an id, or undefined when it can. */
    private checkName(name: string): string | undefined {
        const { tokens, errors } = this.lexer.tokenize(name);
        const single = errors.length === 0 && tokens.length === 1 && tokens[0].image === name;
        if (single && (tokens[0].tokenType.name === 'ID' || this.idKeywords.has(name))) return undefined;
        if (single && tokens[0].tokenType.name === name) return `'${name}' is a keyword of the language and cannot be an id.`;
        return `'${name}' is not a valid id: an id starts with a letter or '_' and goes on with letters, digits or '_'.`;
    }

    /**
     * Why `newName` is taken where the declaration is visible: in its own file, the files
     * it imports and the files that import it.
     */
    private checkFree(oldName: string, newName: string, declaring: LangiumDocument): string | undefined {
        if (newName === oldName) return undefined;
        const declaringUri = declaring.uri.toString();
        for (const document of this.documents.all) {
            const closure = importClosure(document as LangiumDocument<Model>, this.documents);
            if (!closure.some(d => d.uri.toString() === declaringUri)) continue;
            const model = this.models.getModel(document);
            const other = model.elements.get(newName) ?? model.groups.get(newName);
            if (other) {
                const file = other.location.uri.split('/').pop();
                return `'${newName}' is already declared (${other.kind} at ${file}:${other.location.range.start.line + 1}); ids must be unique across an architecture and its imports.`;
            }
        }
        return undefined;
    }
}

/** The keywords a data-type rule accepts, following the rules it calls. */
function keywordsOfRule(grammar: Grammar, name: string): Set<string> {
    const words = new Set<string>();
    const seen = new Set<string>();
    const visit = (rule: GrammarAST.AbstractRule | undefined) => {
        if (!rule || seen.has(rule.name)) return;
        seen.add(rule.name);
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) words.add(node.value);
            else if (GrammarAST.isRuleCall(node)) visit(node.rule.ref);
        }
    };
    visit(grammar.rules.find(r => r.name === name));
    return words;
}
