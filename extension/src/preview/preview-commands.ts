import * as vscode from 'vscode';
import { exportDiagram, type ExportSource } from './export-command.js';
import type { LastPane } from './last-pane.js';
import { isArch, PreviewManager } from './preview-manager.js';
import type { DiagramSource } from './preview-panel.js';
import { registerPreviewSerializer } from './preview-serializer.js';
import { showView } from './show-view-command.js';

/**
 * Registers the diagram preview: its commands, the serializer that restores previews
 * after a reload, and the manager that keeps them up to date.
 */
export function registerPreview(context: vscode.ExtensionContext, source: DiagramSource, exportText: ExportSource, lastPane: LastPane): PreviewManager {
    const manager = new PreviewManager(context.extensionUri, source, lastPane);
    const open = (column: vscode.ViewColumn) => (uri?: vscode.Uri) => {
        const target = uri instanceof vscode.Uri ? uri : activeArchDocument();
        if (!target) {
            void vscode.window.showErrorMessage('Open an .arch file to preview its diagram.');
            return;
        }
        manager.open(target, column);
    };
    context.subscriptions.push(
        manager,
        registerPreviewSerializer(manager),
        vscode.commands.registerCommand('archsight.openPreviewToSide', open(vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('archsight.openPreview', open(vscode.ViewColumn.Active)),
        vscode.commands.registerCommand('archsight.showView', (uri?: vscode.Uri) => showView(manager, uri instanceof vscode.Uri ? uri : activeArchDocument())),
        vscode.commands.registerCommand('archsight.exportDiagram', (uri?: vscode.Uri) => exportDiagram(manager, source, exportText, uri)),
    );
    return manager;
}

function activeArchDocument(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && isArch(document) ? document.uri : undefined;
}
