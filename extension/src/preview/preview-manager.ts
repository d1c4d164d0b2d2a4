import * as vscode from 'vscode';
import type { PreviewOptions } from '../../webview/messages.js';
import type { UndeclaredCall } from '../../../language-server/src/drift/drift-diagram-model.js';
import type { DiagramSource } from './preview-panel.js';
import type { LastPane } from './last-pane.js';
import { previewDefaults } from './preview-settings.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel, webviewPanelOptions } from './preview-panel.js';

/**
 * Keeps one preview per document and routes the editor's events to it: edits (debounced
 * by the panel), saves, and cursor moves.
 */
export class PreviewManager implements vscode.Disposable {
    private readonly panels = new Map<string, PreviewPanel>();
    private readonly disposables: vscode.Disposable[] = [];
    private active: PreviewPanel | undefined;
    /** The undeclared calls of the last "Check Drift…", by document: a preview opened later draws them too. */
    private readonly drift = new Map<string, readonly UndeclaredCall[]>();

    constructor(private readonly extensionUri: vscode.Uri, private readonly source: DiagramSource, private readonly lastPane: LastPane) {
        this.disposables.push(
            vscode.workspace.onDidChangeTextDocument(event => {
                // Any open preview may show this file through an import.
                if (event.contentChanges.length > 0 && isArch(event.document)) this.forEach(panel => panel.scheduleUpdate());
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (isArch(document)) this.forEach(panel => void panel.update());
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                this.forEach(panel => {
                    if (event.affectsConfiguration('archsight.preview.theme', panel.documentUri)) panel.applyTheme();
                });
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (isArch(event.textEditor.document)) {
                    this.forEach(panel => panel.showCursor(event.textEditor.document.uri, event.selections[0].active));
                }
            }),
        );
    }

    /** Shows the preview of `uri`, creating it if there is none. */
    open(uri: vscode.Uri, column: vscode.ViewColumn): PreviewPanel {
        const existing = this.panels.get(uri.toString());
        if (existing) {
            existing.reveal(column);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: true }, webviewPanelOptions(this.extensionUri));
        return this.adopt(panel, uri, previewDefaults(uri));
    }

    /** Takes over a panel that VS Code restored after a window reload. */
    restore(panel: vscode.WebviewPanel, uri: vscode.Uri, options: PreviewOptions, opened: readonly string[] = []): PreviewPanel {
        const existing = this.panels.get(uri.toString());
        if (existing) {
            // Two restored panels for one document: keep the first.
            panel.dispose();
            return existing;
        }
        return this.adopt(panel, uri, options, opened);
    }

    /**
     * Draws the calls that run but are not declared on the preview of `uri` (opened beside
     * the editor when there are any and no preview is open), and on any preview opened later.
     */
    showDrift(uri: vscode.Uri, calls: readonly UndeclaredCall[]): void {
        this.drift.set(uri.toString(), calls);
        const panel = this.panels.get(uri.toString());
        if (panel) void panel.showDrift(calls);
        else if (calls.length > 0) this.open(uri, vscode.ViewColumn.Beside);
    }

    get(uri: vscode.Uri): PreviewPanel | undefined {
        return this.panels.get(uri.toString());
    }

    /** The preview that has (or last had) the focus, for commands run from it. */
    get activePanel(): PreviewPanel | undefined {
        return this.active;
    }

    dispose(): void {
        this.forEach(panel => panel.dispose());
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }

    private adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri, options: PreviewOptions, opened: readonly string[] = []): PreviewPanel {
        const key = uri.toString();
        const panel = new PreviewPanel(webviewPanel, uri, options, this.extensionUri, this.source, this.lastPane, this.drift.get(key) ?? [], opened);
        this.panels.set(key, panel);
        if (webviewPanel.active) this.active = panel;
        const focus = webviewPanel.onDidChangeViewState(event => {
            if (event.webviewPanel.active) this.active = panel;
        });
        panel.onDidDispose(() => {
            focus.dispose();
            if (this.panels.get(key) === panel) this.panels.delete(key);
            if (this.active === panel) this.active = undefined;
        });
        return panel;
    }

    private forEach(action: (panel: PreviewPanel) => void): void {
        for (const panel of [...this.panels.values()]) action(panel);
    }
}

export function isArch(document: vscode.TextDocument): boolean {
    return document.languageId === 'arch';
}
