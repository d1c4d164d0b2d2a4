import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchServices } from './arch-module.js';
import { registerDiagramHandler } from './lsp/diagram-handler.js';
import { registerCompareHandler } from './lsp/compare-handler.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createArchServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
registerDiagramHandler(shared);
registerCompareHandler(shared);
