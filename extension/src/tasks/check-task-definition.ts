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
