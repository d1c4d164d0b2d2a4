import type { AstNode, AstNodeDescription, DocumentSegment, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Langium's descriptions of the exported declarations, with their source segments and
 * path in the tree worked out when first asked for: every declaration of every file is
 * described when the file is indexed, and the editor asks for a few of these (workspace
 * symbols, references), the CLI for none. Langium computes both at once for each.
 */
export class ArchAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const { nameProvider, astNodeLocator } = this;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        let path: string | undefined;
        return {
            node,
            name,
            type: node.$type,
            documentUri: uri,
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            },
            get path() {
                return path ??= astNodeLocator.getAstNodePath(node);
            },
        };
    }
}
