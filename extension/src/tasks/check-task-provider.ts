import * as vscode from 'vscode';
import { checkTaskCommand, TASK_TYPE, type ArchsightTaskDefinition } from './check-task-definition.js';

/**
 * The `archsight` task type: "archsight: check" per workspace folder (Terminal > Run Task),
 * and tasks.json entries of that type. It runs the CLI bundled with the extension (the
 * same version as the language server) with the extension host's Node, and the `$archsight`
 * problem matcher puts what it reports into Problems.
 */
export function registerCheckTasks(context: vscode.ExtensionContext): void {
    const cli = context.asAbsolutePath('out/cli.cjs');
    context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, {
        provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map(folder => checkTask(cli, { type: TASK_TYPE }, folder)),
        resolveTask: task => {
            const scope = task.scope;
            const folder = typeof scope === 'object' ? scope : vscode.workspace.workspaceFolders?.[0];
            if (!folder) return undefined;
            // A tasks.json entry keeps its own definition (and so its label and problem matchers).
            return checkTask(cli, task.definition as ArchsightTaskDefinition, folder, task);
        },
    }));
}

function checkTask(cli: string, definition: ArchsightTaskDefinition, folder: vscode.WorkspaceFolder, from?: vscode.Task): vscode.Task {
    const execution = new vscode.ProcessExecution(process.execPath, checkTaskCommand(cli, definition), nodeOptions(folder));
    const name = from?.name ?? 'check';
    const task = new vscode.Task(definition, folder, name, 'archsight', execution, from?.problemMatchers.length ? from.problemMatchers : ['$archsight']);
    task.group = vscode.TaskGroup.Build;
    task.detail = definition.files?.length ? `archsight check ${definition.files.join(' ')}` : 'archsight check: every .arch file of the folder';
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    return task;
}

/** VS Code's executable is Electron; ELECTRON_RUN_AS_NODE makes it run the CLI as Node (code-server runs on Node). */
function nodeOptions(folder: vscode.WorkspaceFolder): vscode.ProcessExecutionOptions {
    return { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' } };
}
