import type * as vscode from 'vscode';
import type { Pane } from '../../webview/messages.js';
import { changedMuch } from '../../webview/pane-size.js';
import { parsePane } from './message-validation.js';

const STATE_KEY = 'archsight.preview.lastPane';

/**
 * The pane the last preview reported, in this window and the next (the extension's global
 * state): a new preview asks for its first drawing for it while its webview loads, and the
 * language server lays out a file opened in the editor for it ahead of the preview. A pane
 * of another shape is told to the server; a size that is not one (a damaged state) is none.
 */
export class LastPane {
    private pane: Pane | undefined;

    constructor(private readonly state: vscode.Memento, private readonly tell: (pane: Pane) => void) {
        this.pane = parsePane(state.get(STATE_KEY));
    }

    get current(): Pane | undefined {
        return this.pane;
    }

    report(pane: Pane): void {
        const reported = parsePane(pane);
        if (!reported) return;
        const changed = changedMuch(this.pane, reported);
        this.pane = reported;
        if (!changed) return;
        void this.state.update(STATE_KEY, this.pane);
        this.tell(this.pane);
    }
}
