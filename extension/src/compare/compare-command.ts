import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CompareParams, CompareResponse, CompareTarget } from './compare-types.js';
import { compareChoices, refusedTarget } from './compare-choices.js';
import { ComparePanel } from './compare-panel.js';

export const COMPARE_WITH = 'archsight.compareWith';

/** Asks the language server for a comparison; the extension passes its client's request. */
export type CompareSource = (params: CompareParams) => Promise<CompareResponse>;

/**
 * "Archsight: Compare Architecture with…": picks HEAD, a branch or another file, asks the
 * server to compare the active `.arch` document (as edited) with it, and shows the answer.
 */
export function registerCompareCommand(context: vscode.ExtensionContext, source: CompareSource): void {
    context.subscriptions.push(vscode.commands.registerCommand(COMPARE_WITH, async (target?: CompareTarget) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'arch') {
            void vscode.window.showInformationMessage('Open a .arch file to compare its architecture.');
            return;
        }
        const against = target ?? await pickTarget(editor.document.uri);
        if (!against) return;
        const refused = refusedTarget(against, vscode.workspace.isTrusted);
        if (refused) {
            void vscode.window.showErrorMessage(`Archsight: ${refused}`);
            return;
        }
        const documentUri = editor.document.uri;
        const compareAgain = () => source({ uri: documentUri.toString(), against });
        const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Archsight: comparing…' }, compareAgain);
        if (answer.error) void vscode.window.showErrorMessage(`Archsight: ${answer.error}`);
        ComparePanel.show(context.extensionUri, answer, { documentUri, compareAgain });
    }));
}

async function pickTarget(document: vscode.Uri): Promise<CompareTarget | undefined> {
    const picked = await vscode.window.showQuickPick(compareChoices(vscode.workspace.isTrusted), { title: 'Compare the architecture with…' });
    if (!picked) return undefined;
    if (picked.choice === 'head') return { kind: 'revision', revision: 'HEAD' };
    if (picked.choice === 'file') {
        const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Architecture: ['arch'] }, defaultUri: vscode.Uri.joinPath(document, '..') });
        return files?.[0] ? { kind: 'file', uri: files[0].toString() } : undefined;
    }
    const branches = await gitBranches(path.dirname(document.fsPath));
    if (branches.length === 0) {
        void vscode.window.showInformationMessage('No git branches found for this file.');
        return undefined;
    }
    const branch = await vscode.window.showQuickPick(branches, { title: 'Compare with the branch…' });
    return branch ? { kind: 'revision', revision: branch } : undefined;
}

function gitBranches(cwd: string): Promise<string[]> {
    return new Promise(resolve => {
        execFile('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], { cwd }, (error, stdout) => {
            resolve(error ? [] : stdout.split('\n').map(l => l.trim()).filter(l => l.length > 0 && !l.endsWith('/HEAD')));
        });
    });
}
