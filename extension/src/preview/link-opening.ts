import * as vscode from 'vscode';
import { fragmentLine, linkTarget } from './link-target.js';

/**
 * Opens a link clicked in the preview. A web address goes to `env.openExternal`, which
 * shows VS Code's own prompt for a domain the user has not trusted (as for any link in
 * the editor); a relative path opens the file beside the `.arch` file, if it is in the
 * workspace. Never throws: what cannot be opened is said in one line.
 */
export async function openLink(raw: string, documentUri: vscode.Uri): Promise<void> {
    const href = shown(raw);
    const target = linkTarget(raw);
    if (!target) {
        void vscode.window.showWarningMessage(`Archsight: the link '${href}' cannot be opened.`);
        return;
    }
    try {
        if (target.kind === 'web') {
            await vscode.env.openExternal(vscode.Uri.parse(target.url, true));
            return;
        }
        const file = vscode.Uri.joinPath(documentUri, '..', target.path);
        if (documentUri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(file)) {
            void vscode.window.showWarningMessage(`Archsight: the link '${href}' leads outside the workspace; it is not opened.`);
            return;
        }
        const stat = await vscode.workspace.fs.stat(file).then(s => s, () => undefined);
        if (!stat) {
            void vscode.window.showWarningMessage(`Archsight: the link '${href}' names no file (${vscode.workspace.asRelativePath(file)}).`);
            return;
        }
        if (stat.type & vscode.FileType.Directory) {
            await vscode.commands.executeCommand('revealInExplorer', file);
            return;
        }
        const line = fragmentLine(target.fragment);
        const selection = line === undefined ? undefined : new vscode.Range(line - 1, 0, line - 1, 0);
        await vscode.commands.executeCommand('vscode.open', file, { viewColumn: vscode.ViewColumn.One, ...(selection ? { selection } : {}) });
    } catch (error) {
        void vscode.window.showWarningMessage(`Archsight: the link '${href}' could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** The href as a notification may show it: notifications turn `[text](target)` into a link, so brackets go; long ones are cut. */
function shown(href: string): string {
    const plain = href.replace(/[[\]()]/g, '');
    return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}
