import * as path from 'node:path';
import { URI } from 'langium';
import type { FileDiagnostic } from '../cli/diagnostics.js';
import type { DriftFinding } from './drift-finding.js';

/**
 * Drift findings as diagnostics of the model file, for the CLI's formatters. A finding about
 * something the model lacks points at the model's first line.
 */
export function driftDiagnostics(findings: readonly DriftFinding[], modelFile: string, firstLineLength: number, cwd: string): FileDiagnostic[] {
    return findings.map(finding => {
        const location = finding.location;
        const file = location ? URI.parse(location.uri).fsPath : modelFile;
        const range = location?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } };
        return {
            file, display: path.relative(cwd, file) || file,
            line: range.start.line + 1, column: range.start.character + 1,
            endLine: range.end.line + 1, endColumn: range.end.character + 1,
            severity: finding.severity, message: finding.message, code: finding.code,
        };
    }).sort((a, b) => a.display.localeCompare(b.display) || a.line - b.line || a.column - b.column);
}
