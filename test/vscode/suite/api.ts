import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { Problem, Severity } from '../../e2e/harness/problems.js';
import { waitFor } from '../../e2e/harness/wait.js';

/** Helpers over the VS Code API for the checks: files of the opened workspace, editors, diagnostics. */

export function workspaceRoot(): string {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('VS Code opened no workspace folder: run-tests.ts passes one.');
    return folder.uri.fsPath;
}

export function uriOf(file: string): vscode.Uri {
    return vscode.Uri.joinPath(vscode.Uri.file(workspaceRoot()), file);
}

export async function readWorkspaceFile(file: string): Promise<string> {
    return readFile(uriOf(file).fsPath, 'utf8');
}

export async function writeWorkspaceFile(file: string, text: string): Promise<void> {
    await writeFile(uriOf(file).fsPath, text);
}

export async function open(file: string): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(file)));
}

/** Replaces a range with text as a person's edit would (undoable, marks the document dirty). */
export async function replace(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
    const applied = await editor.edit(builder => builder.replace(range, text));
    if (!applied) throw new Error(`VS Code refused the edit at ${range.start.line + 1}:${range.start.character + 1}.`);
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity | undefined> = {
    [vscode.DiagnosticSeverity.Error]: 'error',
    [vscode.DiagnosticSeverity.Warning]: 'warning',
    [vscode.DiagnosticSeverity.Information]: 'info',
    [vscode.DiagnosticSeverity.Hint]: undefined,
};

/** A file's diagnostics as the Problems view lists them (hints left out). */
export function problemsOf(file: string): Problem[] {
    return vscode.languages.getDiagnostics(uriOf(file)).flatMap(d => {
        const severity = SEVERITIES[d.severity];
        const code = typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
        return severity ? [{ file, severity, line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message, code }] : [];
    });
}

/** The text of a hover's contents, markdown escapes undone, so it reads as the hover shows it. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value))
        .join('\n')
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>&~])/g, '$1')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Waits until the language server has published the diagnostics of a file that has some. */
export async function waitForDiagnostics(file: string, timeoutMs = 30_000): Promise<void> {
    await waitFor(`diagnostics for ${file}`, async () => {
        const count = vscode.languages.getDiagnostics(uriOf(file)).length;
        return { ok: count > 0, seen: 'none' };
    }, { timeoutMs });
}
