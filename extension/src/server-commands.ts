import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const RESTART_SERVER = 'archsight.restartServer';
export const CHECK_ALL = 'archsight.checkAll';

/**
 * "Restart Language Server", and "Check All Architecture Files": every `.arch` file of the
 * workspace is opened (not shown) so the server validates it and its problems fill the
 * Problems view, as `archsight check` would list them.
 */
export function registerServerCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(RESTART_SERVER, async () => {
            const current = client();
            if (!current) return;
            await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the Archsight language server' }, () => current.restart());
        }),
        vscode.commands.registerCommand(CHECK_ALL, async () => {
            const files = await vscode.workspace.findFiles('**/*.arch', '{**/node_modules/**,**/.*/**}');
            if (files.length === 0) {
                void vscode.window.showInformationMessage('There are no .arch files in this workspace.');
                return;
            }
            await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking ${files.length} architecture file${files.length === 1 ? '' : 's'}` }, async () => {
                for (const file of files) {
                    try {
                        await vscode.workspace.openTextDocument(file);
                    } catch {
                        // A file that cannot be read (binary, gone meanwhile) is skipped; the server reports what it can.
                    }
                }
            });
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        }),
    );
}
