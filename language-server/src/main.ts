import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { CodeLensRefreshRequest, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchServices } from './arch-module.js';
import { registerDiagramHandler } from './lsp/diagram-handler.js';
import { registerLayoutWarmUp } from './lsp/layout-warm-up.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createArchServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
registerDiagramHandler(shared);
// The first preview of an opened file is laid out before it is asked for.
registerLayoutWarmUp(shared);
// Code lenses follow their setting at once, not at the next edit.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(({ section }) => {
    if (section === 'archsight') connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
});
