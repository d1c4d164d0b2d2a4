import type { FileDiagnostic } from './diagnostics.js';
import { terminalLine, terminalName } from './terminal-text.js';

/** `file:line:col  severity  message  [code]`, one per line, then a summary, as tsc and eslint print. */
export function formatText(diagnostics: readonly FileDiagnostic[], fileCount: number): string {
    const lines = diagnostics.map(d => `${terminalName(d.display)}:${d.line}:${d.column}  ${d.severity}  ${terminalLine(d.message)}${d.code ? `  [${terminalLine(d.code)}]` : ''}`);
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
    if (diagnostics.length === 0) {
        lines.push(`✓ ${files} checked, no problems.`);
    } else {
        const others = diagnostics.length - errors - warnings;
        lines.push(`${errors > 0 ? '✖' : '⚠'} ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${others ? `, ${others} info` : ''}) in ${files}.`);
    }
    return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
