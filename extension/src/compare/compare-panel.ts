import * as vscode from 'vscode';
import type { CompareResponse, DiffPlace } from './compare-types.js';
import { compareHtml } from './compare-html.js';
import { createNonce } from '../preview/preview-html.js';
import { webviewPanelOptions, webviewRoot } from '../preview/preview-panel.js';

export const COMPARE_VIEW_TYPE = 'archsight.compare';
/** Typing pauses shorter than this do not compare again. */
const EDIT_DEBOUNCE_MS = 600;

/** The document compared and how to compare it again: the view follows its edits. */
export interface CompareFollow {
    readonly documentUri: vscode.Uri;
    readonly compareAgain: () => Promise<CompareResponse>;
}

/**
 * Shows one comparison: the diff diagram with its legend and the list of changes. A click
 * on an entry reveals it in the editor; the message is checked (a known index) before.
 */
export class ComparePanel implements vscode.Disposable {
    private static current: ComparePanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    static show(extensionUri: vscode.Uri, answer: CompareResponse, follow?: CompareFollow): ComparePanel {
        ComparePanel.current?.dispose();
        const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, answer.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewPanelOptions(extensionUri));
        return ComparePanel.current = new ComparePanel(panel, extensionUri, answer, follow);
    }

    private places: DiffPlace[] = [];
    private title = '';
    private timer: ReturnType<typeof setTimeout> | undefined;
    private seq = 0;

    private constructor(readonly panel: vscode.WebviewPanel, private readonly extensionUri: vscode.Uri, answer: CompareResponse, follow?: CompareFollow) {
        this.showAnswer(answer);
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: unknown) => {
                const index = (message as { type?: unknown; index?: unknown })?.type === 'reveal' ? (message as { index?: unknown }).index : undefined;
                if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < this.places.length) void reveal(this.places[index], this.title);
            }),
            panel.onDidDispose(() => this.dispose()),
        );
        if (follow) {
            // While the person edits, the comparison follows: the changes since the revision or file so far.
            this.disposables.push(vscode.workspace.onDidChangeTextDocument(event => {
                if (event.document.uri.toString() !== follow.documentUri.toString()) return;
                clearTimeout(this.timer);
                this.timer = setTimeout(() => void this.compareAgain(follow), EDIT_DEBOUNCE_MS);
            }));
        }
    }

    private async compareAgain(follow: CompareFollow): Promise<void> {
        const seq = ++this.seq;
        const answer = await follow.compareAgain().catch((error: unknown) => ({ title: this.title, error: String(error) }));
        if (seq === this.seq && ComparePanel.current === this) this.showAnswer(answer);
    }

    private showAnswer(answer: CompareResponse): void {
        this.places = [...(answer.introduced ?? []).map(f => f.place), ...(answer.changes ?? []).map(c => c.place)];
        this.title = answer.title;
        const webview = this.panel.webview;
        const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot(this.extensionUri), 'preview.css')).toString();
        webview.html = compareHtml({ cspSource: webview.cspSource, nonce: createNonce(), styleUri }, answer);
    }

    dispose(): void {
        clearTimeout(this.timer);
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
