import * as path from 'node:path';
import * as vscode from 'vscode';
import type { UndeclaredCall } from '../../language-server/src/drift/drift-diagram-model.js';
import type { DriftParams, DriftResponse, ImportParams, ImportResponse } from '../../language-server/src/protocol.js';

export type SendImport = (params: ImportParams) => Promise<ImportResponse>;
export type SendDrift = (params: DriftParams) => Promise<DriftResponse>;
/** Draws the calls that run but are not declared on the model's preview. */
export type ShowDrift = (uri: vscode.Uri, calls: readonly UndeclaredCall[]) => void;

const SOURCE_FILTERS = { 'Compose files, manifests, traces': ['yaml', 'yml', 'json'] };
// Open dialogs on Windows and Linux (and the browser's) pick files or folders, not both: the
// dialog picks files; a folder of manifests is imported from the explorer's context menu.

/**
 * "Archsight: Import Architecture…" picks compose files, manifests, folders or trace files,
 * writes the drafted model beside them (never over an existing file) and opens it with its
 * preview. "Archsight: Check Drift…" compares the open model with sources the user picks and
 * shows the differences in the Problems view, and the calls that run undeclared dashed on
 * its preview.
 */
export function registerImportDriftCommands(context: vscode.ExtensionContext, sendImport: SendImport, sendDrift: SendDrift, showDrift: ShowDrift): void {
    const drift = vscode.languages.createDiagnosticCollection('archsight-drift');
    context.subscriptions.push(drift);
    context.subscriptions.push(vscode.commands.registerCommand('archsight.importArchitecture', async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
        // From the explorer's context menu: the clicked file and everything selected with it.
        const sources = selected ?? (clicked instanceof vscode.Uri ? [clicked] : undefined) ?? await vscode.window.showOpenDialog({ canSelectMany: true, canSelectFiles: true, canSelectFolders: false, filters: SOURCE_FILTERS, openLabel: 'Import' });
        if (!sources || sources.length === 0) return;
        const folder = path.dirname(sources[0].fsPath);
        const title = path.basename(folder);
        const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Archsight: importing…' },
            () => sendImport({ sources: sources.map(s => s.fsPath), title }));
        if (answer.error !== undefined || answer.text === undefined) {
            void vscode.window.showErrorMessage(`Archsight could not import: ${answer.error ?? 'no answer from the language server.'}`);
            return;
        }
        const target = await freeName(vscode.Uri.file(path.join(folder, `${title.replace(/[^\w.-]+/g, '-') || 'architecture'}.arch`)));
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
        await vscode.window.showTextDocument(target);
        await vscode.commands.executeCommand('archsight.openPreviewToSide');
        for (const warning of answer.warnings ?? []) void vscode.window.showWarningMessage(`Archsight import: ${warning}`);
        void vscode.window.showInformationMessage(`Imported ${answer.elements} elements and ${answer.relations} relations into ${path.basename(target.fsPath)}.`);
    }));
    context.subscriptions.push(vscode.commands.registerCommand('archsight.checkDrift', async (picked?: readonly vscode.Uri[]) => {
        const editor = vscode.window.activeTextEditor;
        if (!editor || editor.document.languageId !== 'arch') {
            void vscode.window.showWarningMessage('Open the .arch model to check for drift first.');
            return;
        }
        const sources = (Array.isArray(picked) ? picked : undefined) ?? await vscode.window.showOpenDialog({ canSelectMany: true, canSelectFiles: true, canSelectFolders: false, filters: SOURCE_FILTERS, openLabel: 'Compare' });
        if (!sources || sources.length === 0) return;
        const answer = await sendDrift({ uri: editor.document.uri.toString(), sources: sources.map(s => s.fsPath) });
        if (answer.error !== undefined || !answer.findings) {
            void vscode.window.showErrorMessage(`Archsight could not check drift: ${answer.error ?? 'no answer from the language server.'}`);
            return;
        }
        drift.clear();
        const byUri = new Map<string, vscode.Diagnostic[]>();
        for (const finding of answer.findings) {
            const r = finding.range;
            const range = r ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : new vscode.Range(0, 0, 0, Number.MAX_SAFE_INTEGER);
            const diagnostic = new vscode.Diagnostic(range, finding.message, finding.severity === 'info' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
            diagnostic.code = finding.code;
            diagnostic.source = 'archsight drift';
            byUri.set(finding.uri, [...(byUri.get(finding.uri) ?? []), diagnostic]);
        }
        for (const [uri, diagnostics] of byUri) drift.set(vscode.Uri.parse(uri), diagnostics);
        showDrift(editor.document.uri, answer.findings.flatMap(f => (f.call ? [f.call] : [])));
        const count = answer.findings.length;
        void vscode.window.showInformationMessage(count === 0 ? 'No drift: the model matches the sources.' : `${count} drift finding${count === 1 ? '' : 's'}: see the Problems view.`);
        if (count > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
    }));
}

/** `shop.arch`, or `shop-2.arch`, … when that exists: an import never overwrites a file. */
async function freeName(uri: vscode.Uri): Promise<vscode.Uri> {
    const { dir, name, ext } = path.parse(uri.fsPath);
    for (let n = 1; ; n++) {
        const candidate = vscode.Uri.file(path.join(dir, n === 1 ? `${name}${ext}` : `${name}-${n}${ext}`));
        try {
            await vscode.workspace.fs.stat(candidate);
        } catch {
            return candidate;
        }
    }
}
