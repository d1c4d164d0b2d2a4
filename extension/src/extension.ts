import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { CompareRequest, DiagramRequest, DriftRequest, ExportRequest, ImportRequest, PreviewPaneNotification, SnippetRequest, type ServerInitOptions } from '../../language-server/src/protocol.js';
import { registerCompareCommand } from './compare/compare-command.js';
import { registerBlastRadiusCommand } from './blast-radius-command.js';
import { markdownPreviewExtension } from './markdown/markdown-preview.js';
import { registerImportDriftCommands } from './import-drift-commands.js';
import { LastPane } from './preview/last-pane.js';
import { registerPreview } from './preview/preview-commands.js';
import { registerServerCommands } from './server-commands.js';
import { registerCheckTasks } from './tasks/check-task-provider.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReturnType<typeof markdownPreviewExtension>> {
    // The server lays out a file opened in the editor ahead for the pane the last preview had.
    const lastPane = new LastPane(context.globalState, pane => void client?.sendNotification(PreviewPaneNotification.type, pane).catch(() => undefined));
    const started = client = startLanguageClient(context, lastPane.current);
    // Before the start, so that a preview restored after a reload finds its serializer.
    const previews = registerPreview(context, (params, token) => started.sendRequest(DiagramRequest.type, params, token), params => started.sendRequest(ExportRequest.type, params), lastPane);
    registerBlastRadiusCommand(context);
    registerCompareCommand(context, params => started.sendRequest(CompareRequest.type, params));
    registerImportDriftCommands(context, params => started.sendRequest(ImportRequest.type, params), params => started.sendRequest(DriftRequest.type, params),
        (uri, calls) => previews.showDrift(uri, calls));
    registerServerCommands(context, () => client);
    registerCheckTasks(context);
    // Not awaited: VS Code runs none of the extension's commands until `activate` returns, and the
    // server takes a second or two to start, so a first preview asked for meanwhile waited for it
    // before its webview even began to load. Requests wait for the start themselves; a failed
    // start is reported by the client (its output channel and a notification).
    client.start().catch(() => undefined);
    // ```arch blocks in the Markdown preview are drawn by the language server.
    return markdownPreviewExtension((text, baseUri) => started.sendRequest(SnippetRequest.type, { text, baseUri }));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext, previewPane: ServerInitOptions['previewPane']): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'language-server.cjs'));
    // --inspect lets a developer attach to the server while the extension runs in debug mode.
    const debugOptions = { execArgv: ['--nolazy', `--inspect=${process.env.DEBUG_SOCKET || '6009'}`] };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: debugOptions },
    };
    // Layouts kept between sessions: a file opened again is previewed without laying it out.
    const initializationOptions: ServerInitOptions = { layoutCache: path.join(context.globalStorageUri.fsPath, 'layouts'), ...(previewPane ? { previewPane } : {}) };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'arch' }],
        initializationOptions,
    };
    return new LanguageClient('archsight', 'Archsight', serverOptions, clientOptions);
}
