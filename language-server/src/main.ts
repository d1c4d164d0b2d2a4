import { startLanguageServer } from 'langium/lsp';
import { CodeLensRefreshRequest, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchServices } from './arch-module.js';
import { registerDiagramHandler } from './lsp/diagram-handler.js';
import { registerExportHandler } from './lsp/export-handler.js';
import { registerCompareHandler } from './lsp/compare-handler.js';
import { registerImportDriftHandlers } from './lsp/import-drift-handler.js';
import { registerLayoutCache } from './lsp/layout-cache.js';
import { registerLayoutWarmUp } from './lsp/layout-warm-up.js';
import { registerSnippetHandler } from './lsp/snippet-handler.js';
import { ArchFileSystem } from './workspace/arch-file-system.js';
import { keepServerAlive } from './workspace/server-errors.js';

// The last line of defence: an error nobody foresaw is logged, and the server goes on.
keepServerAlive();
const connection = createConnection(ProposedFeatures.all);
const { shared, Arch } = createArchServices({ connection, ...ArchFileSystem });
startLanguageServer(shared);
registerDiagramHandler(shared);
registerExportHandler(shared);
registerCompareHandler(shared);
registerImportDriftHandlers(shared, Arch);
registerSnippetHandler(shared);
// The first preview of an opened file is laid out before it is asked for.
registerLayoutWarmUp(shared);
// ...or found on disk, laid out in an earlier session.
registerLayoutCache(shared);
// Code lenses follow their setting at once, not at the next edit.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(({ section }) => {
    if (section === 'archsight') connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});
