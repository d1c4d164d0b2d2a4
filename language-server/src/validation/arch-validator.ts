import type { LangiumDocument, URI, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import type { ArchAstType, Model } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import { reportRuleFindings } from '../rules/report-findings.js';
import type { ModelCheck } from './check-context.js';
import { modelReportsIn } from './model-reports.js';
import { checkImports } from './checks/imports.js';
import { ArchDocumentBuilder } from '../workspace/arch-document-builder.js';
import { ArchDocumentFactory } from '../workspace/arch-document-factory.js';
import { checkPlacement } from './checks/placement.js';
import { checkPropertyFit } from './checks/property-fit.js';
import { checkRelationEnds } from './checks/relation-ends.js';

/** The language's own checks; each reads the semantic model, not the AST. */
const MODEL_CHECKS: readonly ModelCheck[] = [checkRelationEnds, checkPlacement, checkPropertyFit];

export function registerValidationChecks(services: ArchServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.ArchValidator;
    const checks: ValidationChecks<ArchAstType> = {
        Model: [validator.checkModel, validator.checkImports, validator.checkRules],
    };
    registry.register(checks, validator);
}

export class ArchValidator {
    constructor(private readonly services: ArchServices) {}

    /**
     * Builds the model in slices (see `RuleRunner.runInSlices`), so a large model does not
     * hold the server up. The model is the one of the document's root (`analysis-roots.ts`):
     * the files of one root are checked in one model, built and checked once.
     */
    async checkModel(root: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const document = AstUtils.getDocument(root);
        const model = await this.services.model.ModelProvider.getAnalysisModelInSlices(document, () => interruptAndCheck(cancelToken));
        await interruptAndCheck(cancelToken);
        const { reports, failures } = modelReportsIn(model, document.uri.toString(), MODEL_CHECKS);
        for (const r of reports) accept(r.severity, r.message, { node: r.node, property: r.property, code: r.code });
        for (const message of failures) accept('error', message, { node: root, code: 'internal-error' });
    }

    /** The anti-pattern rules (`rules/`), with the configuration that applies to the document. */
    async checkRules(root: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await reportRuleFindings(this.services, AstUtils.getDocument(root), accept, cancelToken);
    }

    checkImports(root: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root) as LangiumDocument<Model>;
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        const readProblem = (uri: URI) => (factory instanceof ArchDocumentFactory ? factory.readProblem(uri) : undefined);
        const builder = this.services.shared.workspace.DocumentBuilder;
        const mayBeInCycle = (doc: LangiumDocument<Model>) => (builder instanceof ArchDocumentBuilder ? builder.isInImportCycle(doc) : true);
        checkImports(document, this.services.shared.workspace.LangiumDocuments, accept, readProblem, mayBeInCycle);
    }
}
