import type { AstNode, LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator, DocumentValidator } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/** The diagnostic code of a name that resolves to no declaration in scope. */
export const UNKNOWN_REFERENCE = 'unknown-reference';

const ROOT_ONLY = Object.freeze({ validateNode: true, validateChildren: false });

/**
 * Gives unresolved references a stable `code`, like every other diagnostic, so the CLI
 * prints `[unknown-reference]` and SARIF and quick fixes can key on it. Langium's
 * `data.code` (`linking-error`) stays, because Langium's own machinery reads it.
 */
export class ArchDocumentValidator extends DefaultDocumentValidator {
    /**
     * Every check of the language reads the semantic model and is registered on the root
     * (`validation/arch-validator.ts`): visiting the other nodes of the tree only costs
     * time (about a twentieth of a large file's validation).
     */
    protected override validateSingleNodeOptions(_node: AstNode, _options: ValidationOptions): { validateNode: boolean; validateChildren: boolean } {
        return ROOT_ONLY;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const first = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        for (let i = first; i < diagnostics.length; i++) {
            const data = diagnostics[i].data as { code?: string } | undefined;
            if (data?.code === DocumentValidator.LinkingError) diagnostics[i].code = UNKNOWN_REFERENCE;
        }
    }
}
