import * as vscode from 'vscode';
import type { BlastRadiusCommandArgs } from '../../language-server/src/lsp/arch-code-lens-provider.js';

/** The command behind the "blast radius" code lens; the server puts the list in the lens. */
export const SHOW_BLAST_RADIUS = 'archsight.showBlastRadius';

/**
 * Lists what fails with an element in a quick pick and reveals the one the user picks.
 * The server computed the list (`blastRadius`) when it made the lens.
 */
export function registerBlastRadiusCommand(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand(SHOW_BLAST_RADIUS, async (args?: BlastRadiusCommandArgs) => {
        if (!args) return;
        if (args.elements.length === 0) {
            void vscode.window.showInformationMessage(`Nothing else fails when '${args.id}' fails.`);
            return;
        }
        const items = args.elements.map(e => ({ label: e.id, description: e.label !== e.id ? `${e.kind} · ${e.label}` : e.kind, element: e }));
        const count = `${args.elements.length} element${args.elements.length === 1 ? '' : 's'}`;
        const picked = await vscode.window.showQuickPick(items, {
            title: `Blast radius of '${args.id}': ${count} fail with it`,
            placeHolder: 'Pick one to reveal its declaration',
        });
        if (!picked) return;
        const { uri, range } = picked.element;
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
        const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
        editor.selection = new vscode.Selection(selection.start, selection.end);
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }));
}
