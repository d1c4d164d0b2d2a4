// Before any type guard runs (see the module).
import './util/type-checks.js';
import type { Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { ArchGeneratedModule, ArchGeneratedSharedModule } from '../generated/module.js';
import { ArchCodeActionProvider } from './lsp/arch-code-action-provider.js';
import { ArchCodeLensProvider } from './lsp/arch-code-lens-provider.js';
import { ArchCompletionProvider } from './lsp/arch-completion-provider.js';
import { ArchDocumentSymbolProvider } from './lsp/arch-document-symbol-provider.js';
import { ArchDocumentValidator } from './lsp/arch-document-validator.js';
import { ArchFoldingRangeProvider } from './lsp/arch-folding-range-provider.js';
import { ArchFormatter } from './lsp/arch-formatter.js';
import { ArchHoverProvider } from './lsp/arch-hover-provider.js';
import { ArchRenameProvider } from './lsp/arch-rename-provider.js';
import { ArchSemanticTokenProvider } from './lsp/arch-semantic-token-provider.js';
import { DiagramGenerator } from './diagram/diagram-generator.js';
import { defaultElkFactory, editorElkFactory, type ElkFactory } from './diagram/elk-layout.js';
import { ArchModelProvider } from './model/model-provider.js';
import { createArchCompletionParser } from './parser/arch-completion-parser.js';
import { createArchParser } from './parser/arch-parser.js';
import { ArchParserErrorMessageProvider } from './parser/arch-parser-messages.js';
import { ArchLexer } from './parser/arch-lexer.js';
import { ArchLexerErrorMessages } from './parser/arch-lexer-messages.js';
import { ArchTokenBuilder } from './parser/arch-token-builder.js';
import { ArchLinker } from './references/arch-linker.js';
import { ArchScopeComputation } from './scope/arch-scope-computation.js';
import { ArchScopeProvider } from './scope/arch-scope-provider.js';
import { ArchConfigurationProvider } from './rules/config/arch-configuration-provider.js';
import { RuleConfigProvider } from './rules/config/rule-config-provider.js';
import { RuleRegistry } from './rules/rule-registry.js';
import { RuleRunner } from './rules/rule-runner.js';
import { ArchValidator, registerValidationChecks } from './validation/arch-validator.js';
import { ArchAstNodeDescriptionProvider } from './scope/arch-node-descriptions.js';
import { ArchDocumentBuilder } from './workspace/arch-document-builder.js';
import { ArchLangiumDocuments } from './workspace/arch-langium-documents.js';
import { ArchWorkspaceManager } from './workspace/arch-workspace-manager.js';
import { ArchDocumentFactory } from './workspace/arch-document-factory.js';
import { ArchDocumentUpdateHandler } from './workspace/arch-document-update-handler.js';

/** Services of our own, beside Langium's. */
export type ArchAddedServices = {
    model: {
        ModelProvider: ArchModelProvider;
    };
    validation: {
        ArchValidator: ArchValidator;
    };
    diagram: {
        DiagramGenerator: DiagramGenerator;
    };
    layout: {
        ElkFactory: ElkFactory;
    };
    rules: {
        RuleRegistry: RuleRegistry;
        RuleRunner: RuleRunner;
        ConfigProvider: RuleConfigProvider;
    };
};

export type ArchServices = LangiumServices & ArchAddedServices;

export const ArchModule: Module<ArchServices, PartialLangiumServices & ArchAddedServices> = {
    model: {
        ModelProvider: (services) => new ArchModelProvider(services.shared),
    },
    diagram: {
        DiagramGenerator: (services) => new DiagramGenerator(services),
    },
    layout: {
        // Only an editor (a client on the connection) draws again and again; the CLI draws once.
        ElkFactory: (services) => (services.shared.lsp.Connection ? editorElkFactory : defaultElkFactory),
    },
    rules: {
        RuleRegistry: () => new RuleRegistry(),
        RuleRunner: () => new RuleRunner(),
        ConfigProvider: (services) => new RuleConfigProvider(services.shared, services.rules.RuleRegistry),
    },
    validation: {
        ArchValidator: (services) => new ArchValidator(services),
        DocumentValidator: (services) => new ArchDocumentValidator(services),
    },
    parser: {
        ParserErrorMessageProvider: () => new ArchParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new ArchLexerErrorMessages(),
        // Hostile input: size, nesting and error limits, linear-time strings and comments.
        LangiumParser: (services) => createArchParser(services),
        CompletionParser: (services) => createArchCompletionParser(services),
        TokenBuilder: () => new ArchTokenBuilder(),
        // Misspelt keywords and `=>` are read as what was meant, with an error that says so.
        Lexer: (services) => new ArchLexer(services),
    },
    references: {
        ScopeComputation: (services) => new ArchScopeComputation(services),
        ScopeProvider: (services) => new ArchScopeProvider(services),
        Linker: (services) => new ArchLinker(services),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new ArchAstNodeDescriptionProvider(services),
    },
    lsp: {
        CompletionProvider: (services) => new ArchCompletionProvider(services),
        HoverProvider: (services) => new ArchHoverProvider(services),
        Formatter: () => new ArchFormatter(),
        DocumentSymbolProvider: (services) => new ArchDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new ArchFoldingRangeProvider(services),
        RenameProvider: (services) => new ArchRenameProvider(services),
        SemanticTokenProvider: (services) => new ArchSemanticTokenProvider(services),
        CodeActionProvider: (services) => new ArchCodeActionProvider(services),
        CodeLensProvider: (services) => new ArchCodeLensProvider(services),
    },
};

export const ArchSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: (services) => new ArchDocumentUpdateHandler(services),
    },
    workspace: {
        DocumentBuilder: (services) => new ArchDocumentBuilder(services),
        LangiumDocumentFactory: (services) => new ArchDocumentFactory(services),
        LangiumDocuments: (services) => new ArchLangiumDocuments(services),
        WorkspaceManager: (services) => new ArchWorkspaceManager(services),
        ConfigurationProvider: (services) => new ArchConfigurationProvider(services),
    },
};

/**
 * Creates the shared and the language services. The language server passes its
 * connection; the CLI and the tests pass a file system and no connection.
 */
export function createArchServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Arch: ArchServices } {
    const shared = inject(createDefaultSharedModule(context), ArchGeneratedSharedModule, ArchSharedModule);
    const Arch = inject(createDefaultModule({ shared }), ArchGeneratedModule, ArchModule);
    shared.ServiceRegistry.register(Arch);
    registerValidationChecks(Arch);
    if (!context.connection) {
        // Without a client nobody sends the configuration; start with the defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Arch };
}
