import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI } from './paths.js';
import type { Problem, Severity } from './problems.js';

interface CheckReport {
    readonly file: string;
    readonly diagnostics: ReadonlyArray<{ line: number; column: number; severity: Severity | 'hint'; message: string; code: string | null }>;
}

/**
 * What `archsight check --format json` reports for files of a workspace, with paths
 * relative to the workspace: the reference the editor's diagnostics must equal.
 */
export async function cliProblems(workspace: string, targets: readonly string[]): Promise<Problem[]> {
    let stdout: string;
    try {
        ({ stdout } = await promisify(execFile)(process.execPath, [CLI, 'check', ...targets, '--format', 'json'], { cwd: workspace }));
    } catch (error) {
        // Exit code 1 means "errors found"; the report is still on stdout.
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        if (failed.code !== 1 || !failed.stdout) throw new Error(`archsight check failed (exit ${failed.code}): ${failed.stderr}`);
        stdout = failed.stdout;
    }
    let reports: CheckReport[];
    try {
        reports = JSON.parse(stdout) as CheckReport[];
    } catch {
        throw new Error(`archsight check printed no JSON report:\n${stdout}`);
    }
    // Hints are not listed in the Problems view.
    return reports.flatMap(report => report.diagnostics
        .filter(d => d.severity !== 'hint')
        .map(d => ({ file: report.file, severity: d.severity as Severity, line: d.line, column: d.column, message: d.message, code: d.code ?? undefined })));
}
