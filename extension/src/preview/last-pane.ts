import type * as vscode from 'vscode';
import type { Pane } from '../../webview/messages.js';
import { changedMuch } from '../../webview/pane-size.js';

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
        this.pane = asPane(state.get(STATE_KEY));
    }

    get current(): Pane | undefined {
        return this.pane;
    }

    report(pane: Pane): void {
        if (!asPane(pane)) return;
        const changed = changedMuch(this.pane, pane);
        this.pane = { width: pane.width, height: pane.height };
        if (!changed) return;
        void this.state.update(STATE_KEY, this.pane);
        this.tell(this.pane);
    }
}

/** The pane a state holds, if it is one. */
export function asPane(value: unknown): Pane | undefined {
    const pane = value as Record<string, unknown> | null | undefined;
    const size = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= 100_000;
    return pane && typeof pane === 'object' && size(pane.width) && size(pane.height) ? { width: pane.width as number, height: pane.height as number } : undefined;
}
