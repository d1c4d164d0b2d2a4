import type { LangiumDocument, URI, ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import type { ArchAstType, Model } from '../../generated/ast.js';
import type { ArchServices } from '../arch-module.js';
import { reportRuleFindings } from '../rules/report-findings.js';
import type { CheckContext, ModelCheck } from './check-context.js';
import { checkImports } from './checks/imports.js';
import { ArchDocumentFactory } from '../workspace/arch-document-factory.js';
import { checkPlacement } from './checks/placement.js';
import { checkPropertyFit } from './checks/property-fit.js';
import { checkRelationEnds } from './checks/relation-ends.js';
import { checkFlowSteps } from './checks/flow-steps.js';
import { checkViewPatterns } from './checks/view-patterns.js';

/** The language's own checks; each reads the semantic model, not the AST. */
const MODEL_CHECKS: readonly ModelCheck[] = [checkRelationEnds, checkPlacement, checkPropertyFit, checkViewPatterns, checkFlowSteps];

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

    /** Yields between the checks (see `RuleRunner.runInSlices`), so a large model does not hold the server up. */
    async checkModel(root: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const document = AstUtils.getDocument(root);
        const uri = document.uri.toString();
        const model = await this.services.model.ModelProvider.getModelInSlices(document, () => interruptAndCheck(cancelToken));
        for (const problem of model.problems) {
            if (problem.uri === uri) accept(problem.severity, problem.message, { node: problem.node, property: problem.property, code: problem.code });
        }
        const context: CheckContext = {
            model,
            report: (severity, message, code, target) => {
                if (target.uri === uri) accept(severity, message, { node: target.node, property: target.property, code });
            },
        };
        for (const check of MODEL_CHECKS) {
            await interruptAndCheck(cancelToken);
            // One failing check must not hide the others' findings.
            try {
                check(context);
            } catch (error) {
                accept('error', `Internal error in check ${check.name}: ${error instanceof Error ? error.message : String(error)}`, { node: root, code: 'internal-error' });
            }
        }
    }

    /** The anti-pattern rules (`rules/`), with the configuration that applies to the document. */
    async checkRules(root: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await reportRuleFindings(this.services, AstUtils.getDocument(root), accept, cancelToken);
    }

    checkImports(root: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(root) as LangiumDocument<Model>;
        const factory = this.services.shared.workspace.LangiumDocumentFactory;
        const readProblem = (uri: URI) => (factory instanceof ArchDocumentFactory ? factory.readProblem(uri) : undefined);
        checkImports(document, this.services.shared.workspace.LangiumDocuments, accept, readProblem);
    }
}
