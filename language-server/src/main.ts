import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createArchServices } from './arch-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createArchServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
