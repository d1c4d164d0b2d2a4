import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import * as vscode from 'vscode';
import { cliProblems } from '../../e2e/harness/cli.js';
import { callableIds, declarations } from '../../e2e/harness/declarations.js';
import { describeProblems } from '../../e2e/harness/problems.js';
import { countWord, lastMemberLine, requireLine, scrambleLayout } from '../../e2e/harness/source.js';
import { waitFor } from '../../e2e/harness/wait.js';
import { FIXTURES_FOLDER } from '../../e2e/harness/workspace.js';
import { hoverText, open, problemsOf, readWorkspaceFile, replace, uriOf, waitForDiagnostics, workspaceRoot, writeWorkspaceFile } from './api.js';

/**
 * The stories of test/e2e/ at the API level: the same files, the same expectations,
 * asked of VS Code through its commands instead of read from the screen.
 */

const WITH_PROBLEMS = `${FIXTURES_FOLDER}/problems.arch`;
const SAMPLE = 'microservices.arch';

async function diagnosticsMatchTheCli(): Promise<void> {
    await open(WITH_PROBLEMS);
    const expected = describeProblems(await cliProblems(workspaceRoot(), [WITH_PROBLEMS]));
    await waitFor(`the diagnostics of ${WITH_PROBLEMS} to be:\n${expected}\n`, async () => {
        const seen = describeProblems(problemsOf(WITH_PROBLEMS));
        return { ok: seen === expected, seen: `\n${seen || '(nothing)'}` };
    }, { timeoutMs: 30_000 });
}

async function misspeltReferenceIsReported(): Promise<void> {
    const editor = await open(SAMPLE);
    await waitForDiagnostics(WITH_PROBLEMS);
    const call = requireLine(editor.document.getText(), /^\s*(\w+) -> (\w{6,})\b/, 'a call to an id of six letters or more', 2);
    const target = call.match[2];
    const misspelt = target.slice(0, 3) + target.slice(4);
    const start = new vscode.Position(call.line - 1, call.column - 1);
    await replace(editor, new vscode.Range(start, start.translate(0, target.length)), misspelt);
    const at = new vscode.Range(start, start.translate(0, misspelt.length));
    await waitFor(`an error at '${misspelt}' with "Did you mean '${target}'?" within 2 s`, async () => {
        const errors = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        const found = errors.find(d => d.range.isEqual(at));
        return { ok: found?.message.includes(`Did you mean '${target}'?`) === true, seen: errors.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('\n') || 'no errors' };
    }, { timeoutMs: 2_000, intervalMs: 50 });
    await replace(editor, at, target);
    await waitFor(`no error at '${target}' once it is spelt right`, async () => {
        const errors = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error && d.range.start.line === start.line);
        return { ok: errors.length === 0, seen: errors.map(d => d.message).join('\n') };
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
}

async function completionAfterAnArrowOffersCallableIds(): Promise<void> {
    const editor = await open(SAMPLE);
    const text = editor.document.getText();
    const source = declarations(text).find(d => d.kind === 'service')!.id;
    const last = lastMemberLine(text);
    const lineEnd = editor.document.lineAt(last - 1).range.end;
    await replace(editor, new vscode.Range(lineEnd, lineEnd), `\n  ${source} -> `);
    const position = editor.document.lineAt(last).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map(item => (typeof item.label === 'string' ? item.label : item.label.label)).sort();
    deepStrictEqual(labels, callableIds(text, source), `completion after '${source} -> '`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
}

async function hoverShowsDocumentation(): Promise<void> {
    const editor = await open(SAMPLE);
    const text = editor.document.getText();
    const description = requireLine(text, /^\s*description "([^"]+)"/, 'an element with a description');
    const header = text.split('\n').slice(0, description.line - 1).reverse().find(line => /^\s*\w[\w-]* \w+ "[^"]+"/.test(line))!;
    const [, kind, id, label] = /^\s*(\w[\w-]*) (\w+) "([^"]+)"/.exec(header)!;
    const reference = requireLine(text, new RegExp(`^\\s*\\w+ (?:->|~>|\\.\\.>) (${id})\\b`), `a relation to '${id}'`, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(reference.line - 1, reference.column));
    const shown = hoverText(hovers);
    for (const part of [description.match[1], `${kind} ${id}`, label]) ok(shown.includes(part), `hover on '${id}' shows '${part}'; it shows:\n${shown}`);
}

async function renameReachesImportingFiles(): Promise<void> {
    const folder = 'evolution';
    const declaring = `${folder}/shop-outside.arch`;
    const files = (await readdir(uriOf(folder).fsPath)).filter(f => f.endsWith('.arch')).map(f => `${folder}/${f}`);
    const users = [];
    for (const file of files) if (countWord(await readWorkspaceFile(file), 'psp') > 0) users.push(file);
    ok(users.some(f => f !== declaring), `files other than ${declaring} use 'psp'`);
    const editor = await open(declaring);
    const declaration = requireLine(editor.document.getText(), /^\s*\w+ (psp)\b/, "the declaration of 'psp'", 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, new vscode.Position(declaration.line - 1, declaration.column - 1), 'paymentProvider');
    const changed = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri, false)).sort();
    deepStrictEqual(changed, users.sort(), 'the files that the rename changes');
    ok(await vscode.workspace.applyEdit(edit), 'VS Code applied the rename');
    await vscode.workspace.saveAll();
    for (const file of users) strictEqual(countWord(await readWorkspaceFile(file), 'psp'), 0, `'psp' left in ${file}`);
}

async function formatGivesTheCanonicalLayout(): Promise<void> {
    const canonical = await readWorkspaceFile(SAMPLE);
    await writeWorkspaceFile('scrambled.arch', scrambleLayout(canonical));
    const editor = await open('scrambled.arch');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: true });
    const edit = new vscode.WorkspaceEdit();
    edit.set(editor.document.uri, edits);
    ok(await vscode.workspace.applyEdit(edit), 'VS Code applied the formatting');
    strictEqual(editor.document.getText(), canonical, `formatting a scrambled ${SAMPLE} gives ${SAMPLE}`);
}

/** In the order of the e2e scenarios; each leaves the files as it found them, except rename and format, which come last. */
export const CHECKS: Readonly<Record<string, () => Promise<void>>> = {
    'diagnostics match `archsight check`': diagnosticsMatchTheCli,
    'a misspelt reference is reported with "did you mean", and the fix clears it': misspeltReferenceIsReported,
    'completion after an arrow offers the ids a call can reach': completionAfterAnArrowOffersCallableIds,
    'hover on a referenced element shows its documentation': hoverShowsDocumentation,
    'rename at the declaration changes every reference, also in importing files': renameReachesImportingFiles,
    'format document gives the canonical layout': formatGivesTheCanonicalLayout,
};
