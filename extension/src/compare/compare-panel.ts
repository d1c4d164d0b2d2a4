import * as vscode from 'vscode';
import type { CompareResponse, DiffPlace } from './compare-types.js';
import { compareHtml } from './compare-html.js';
import { createNonce } from '../preview/preview-html.js';
import { webviewPanelOptions, webviewRoot } from '../preview/preview-panel.js';

export const COMPARE_VIEW_TYPE = 'archsight.compare';

/**
 * Shows one comparison: the diff diagram with its legend and the list of changes. A click
 * on an entry reveals it in the editor; the message is checked (a known index) before.
 */
export class ComparePanel implements vscode.Disposable {
    private static current: ComparePanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    static show(extensionUri: vscode.Uri, answer: CompareResponse): ComparePanel {
        ComparePanel.current?.dispose();
        const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, answer.title, vscode.ViewColumn.Beside, webviewPanelOptions(extensionUri));
        return ComparePanel.current = new ComparePanel(panel, extensionUri, answer);
    }

    private constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, answer: CompareResponse) {
        const places: DiffPlace[] = [...(answer.introduced ?? []).map(f => f.place), ...(answer.changes ?? []).map(c => c.place)];
        const styleUri = panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(extensionUri), 'preview.css')).toString();
        panel.webview.html = compareHtml({ cspSource: panel.webview.cspSource, nonce: createNonce(), styleUri }, answer);
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: unknown) => {
                const index = (message as { type?: unknown; index?: unknown })?.type === 'reveal' ? (message as { index?: unknown }).index : undefined;
                if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < places.length) void reveal(places[index], answer.title);
            }),
            panel.onDidDispose(() => this.dispose()),
        );
    }

    dispose(): void {
        if (ComparePanel.current === this) ComparePanel.current = undefined;
        this.panel.dispose();
        while (this.disposables.length > 0) this.disposables.pop()?.dispose();
    }
}

/** Opens the file at the line; a removed item of a git revision is only named (it is in no file to open). */
async function reveal(place: DiffPlace, title: string): Promise<void> {
    if (!place.uri) {
        void vscode.window.showInformationMessage(`Removed: it was at ${place.file}:${place.line} (${title}).`);
        return;
    }
    const uri = vscode.Uri.parse(place.uri);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, preserveFocus: false }).then(e => e, () => undefined);
    if (!editor) {
        void vscode.window.showInformationMessage(`${place.file}:${place.line} is not a file in the workspace (it is from the other side of the comparison).`);
        return;
    }
    const line = Math.max(0, Math.min(place.line - 1, editor.document.lineCount - 1));
    const range = editor.document.lineAt(line).range;
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
