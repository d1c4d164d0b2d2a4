import type { FileDiagnostic } from './diagnostics.js';

/** Machine-readable output: one entry per file, with its diagnostics and counts. */
export function formatJson(diagnostics: readonly FileDiagnostic[], files: readonly { file: string; display: string }[]): string {
    const report = files.map(f => {
        const own = diagnostics.filter(d => d.file === f.file);
        return {
            file: f.display,
            errorCount: own.filter(d => d.severity === 'error').length,
            warningCount: own.filter(d => d.severity === 'warning').length,
            diagnostics: own.map(d => ({
                line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
                severity: d.severity, message: d.message, code: d.code ?? null,
                ...(d.imported ? { imported: true } : {}),
            })),
        };
    });
    return JSON.stringify(report, null, 2) + '\n';
}
