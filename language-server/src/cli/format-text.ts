import { NO_COLORS, type Painter } from './color.js';
import type { FileDiagnostic } from './diagnostics.js';
import { terminalLine, terminalName } from './terminal-text.js';

/** `file:line:col  severity  message  [code]`, one per line, then a summary, as tsc and eslint print. */
export function formatText(diagnostics: readonly FileDiagnostic[], fileCount: number, paint: Painter = NO_COLORS): string {
    // Escaped for the terminal first (terminal-text.ts), then coloured: the colour codes are ours.
    const lines = diagnostics.map(d => `${paint.dim(`${terminalName(d.display)}:${d.line}:${d.column}`)}  ${paintSeverity(paint, d.severity)}  ${terminalLine(d.message)}${d.code ? `  ${paint.dim(`[${terminalLine(d.code)}]`)}` : ''}`);
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
    if (diagnostics.length === 0) {
        lines.push(paint.ok(`✓ ${files} checked, no problems.`));
    } else {
        const others = diagnostics.length - errors - warnings;
        lines.push((errors > 0 ? paint.error : paint.warning)(`${errors > 0 ? '✖' : '⚠'} ${plural(diagnostics.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${others ? `, ${others} info` : ''}) in ${files}.`));
    }
    return lines.join('\n') + '\n';
}

function paintSeverity(paint: Painter, severity: FileDiagnostic['severity']): string {
    return severity === 'error' ? paint.error(severity) : severity === 'warning' ? paint.warning(severity) : paint.info(severity);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
