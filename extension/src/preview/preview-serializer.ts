import * as vscode from 'vscode';
import type { PreviewOptions, PreviewState } from '../../webview/messages.js';
import { DEFAULT_OPTIONS, PREVIEW_VIEW_TYPE } from './preview-panel.js';
import type { PreviewManager } from './preview-manager.js';

/**
 * Brings previews back after a window reload. VS Code hands over the state the webview
 * saved with `setState`; it came from the webview, so it is checked like a message.
 */
export function registerPreviewSerializer(manager: PreviewManager): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
            const restored = parseState(state);
            if (!restored) {
                panel.dispose();
                return;
            }
            const uri = vscode.Uri.parse(restored.uri, true);
            try {
                // The language server learns of the file by its opening, also when no editor shows it.
                await vscode.workspace.openTextDocument(uri);
            } catch {
                panel.dispose();
                return;
            }
            manager.restore(panel, uri, restored.options);
        },
    });
}

/** The saved state when it names a document and sensible options; focus is dropped (its id may be gone). */
function parseState(state: unknown): PreviewState | undefined {
    if (typeof state !== 'object' || state === null) return undefined;
    const { uri, options } = state as Partial<Record<keyof PreviewState, unknown>>;
    if (typeof uri !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined;
    const saved = (typeof options === 'object' && options !== null ? options : {}) as Partial<Record<keyof PreviewOptions, unknown>>;
    return {
        uri,
        options: {
            view: ['all', 'calls', 'messaging', 'observability'].includes(saved.view as string) ? saved.view as PreviewOptions['view'] : DEFAULT_OPTIONS.view,
            direction: saved.direction === 'DOWN' ? 'DOWN' : 'RIGHT',
            legend: typeof saved.legend === 'boolean' ? saved.legend : DEFAULT_OPTIONS.legend,
        },
    };
}
