import type { FileDiagnostic } from './diagnostics.js';
import { escapeControls } from './terminal-text.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Escapes a workflow command's message, as GitHub's toolkit does. */
export function escapeData(text: string): string {
    // Other control characters too: a CI log is read in a terminal.
    return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a workflow command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per diagnostic: GitHub shows them as annotations
 * on the pull request's lines. Paths are relative to the working folder, which in a
 * workflow is the repository root.
 */
export function formatGithub(diagnostics: readonly FileDiagnostic[]): string {
    return diagnostics.map(d => {
        const properties = [
            `file=${escapeProperty(d.display.split('\\').join('/'))}`,
            `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`,
            `title=${escapeProperty(d.code ?? 'archsight')}`,
        ];
        return `::${LEVELS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}\n`;
    }).join('');
}
