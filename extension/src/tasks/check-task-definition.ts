/** The `archsight` task type of tasks.json (package.json `contributes.taskDefinitions`). */
export interface ArchsightTaskDefinition {
    readonly type: 'archsight';
    /** What to check: .arch files and folders, relative to the workspace folder (default: the folder). */
    readonly files?: readonly string[];
    /** More `archsight check` options, such as `--quiet` or `--config ci.json`. */
    readonly args?: readonly string[];
}

export const TASK_TYPE = 'archsight';

/**
 * The CLI's arguments for a task: `check`, the options, then the files. The text output
 * without colour is what the `$archsight` problem matcher reads; an option that changes the
 * format would hide the problems from it, so it is refused with a one-line reason.
 */
export function checkTaskArgs(definition: ArchsightTaskDefinition): string[] | { error: string } {
    const args = [...(definition.args ?? [])].map(String);
    const format = args.find(arg => arg === '-f' || arg.startsWith('--format') || arg === '-o' || arg.startsWith('--output'));
    if (format !== undefined) {
        return { error: `The archsight task reads archsight check's text output; '${format}' in "args" would hide the problems from the $archsight problem matcher.` };
    }
    const files = definition.files && definition.files.length > 0 ? definition.files.map(String) : ['.'];
    return ['check', ...args, '--no-color', '--', ...files];
}

/**
 * How long the task's process stays after the CLI has finished. VS Code stops reading a
 * task's output for its problem matcher 100 ms after the process exits ("Hack to work
 * around #92868" in terminalTaskSystem.ts); in a busy window the terminal has not parsed the
 * last lines by then, and their problems never reach Problems (microsoft/vscode#184523; an
 * e2e run lost 3 of 103). A second costs little beside a check, and the lines have
 * all been written before it starts.
 */
export const TASK_LINGER_MS = 1000;

/**
 * The arguments for Node (the extension host's, as `ELECTRON_RUN_AS_NODE`) that run a task:
 * the CLI, in the same process behind a preamble that waits {@link TASK_LINGER_MS} once the
 * CLI is done (its exit code is kept: the CLI only sets `process.exitCode`); or, for a
 * definition that is refused, a one-liner that prints the reason and exits with 2.
 */
export function checkTaskCommand(cli: string, definition: ArchsightTaskDefinition): string[] {
    const args = checkTaskArgs(definition);
    if ('error' in args) {
        // The reason is shown in the task's terminal, where the user looks when it fails.
        return ['-e', `process.stderr.write(${JSON.stringify(args.error + '\n')}); process.exit(2)`];
    }
    // `node -e script cli check …` leaves process.argv as [node, cli, check, …], what the CLI reads.
    const linger = `process.once('beforeExit', () => setTimeout(() => {}, ${TASK_LINGER_MS})); require(process.argv[1]);`;
    return ['-e', linger, cli, ...args];
}
