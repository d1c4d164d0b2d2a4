import * as vscode from 'vscode';
import { parsePreviewState } from './message-validation.js';
import { PREVIEW_VIEW_TYPE } from './preview-panel.js';
import type { PreviewManager } from './preview-manager.js';

/**
 * Brings previews back after a window reload. VS Code hands over the state the webview
 * saved with `setState`; it came from the webview, so it is checked like a message.
 */
export function registerPreviewSerializer(manager: PreviewManager): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
            const restored = parsePreviewState(state);
            if (!restored) {
                panel.dispose();
                return;
            }
            const uri = vscode.Uri.parse(restored.uri, true);
            try {
                // The language server learns of the file by its opening, also when no editor shows it.
                const document = await vscode.workspace.openTextDocument(uri);
                // Only what the workspace opens as an architecture gets a preview.
                if (document.languageId !== 'arch') throw new Error('not an .arch document');
            } catch {
                panel.dispose();
                return;
            }
            manager.restore(panel, uri, restored.options, restored.opened);
        },
    });
}
