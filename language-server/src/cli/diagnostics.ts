import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fingerprint, messageSubject } from '../diff/fingerprint.js';

/** The rule id of diagnostics that carry no code (syntax errors). */
export const SYNTAX_ERROR = 'syntax-error';

/** A place in a file with a message: a diagnostic's own, or one that explains it. */
export interface RelatedDiagnostic {
    /** Absolute path. */
    readonly file: string;
    /** Path relative to the working folder, as printed. */
    readonly display: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly message: string;
}

/** A diagnostic with its file, as every output format of `archsight check` reads it. */
export interface FileDiagnostic extends RelatedDiagnostic {
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly code?: string;
    /** Other places that explain it (the services sharing a database, the hops of a cycle). */
    readonly related?: readonly RelatedDiagnostic[];
    /** An error of a file that a checked file imports, not of a checked file. */
    readonly imported?: boolean;
    /** The ids the finding names (a rule's target and related places), or its file and message. */
    readonly subject: readonly string[];
    /** Stable across edits that move lines: the rule and `subject` (see `diff/fingerprint.ts`). */
    readonly fingerprint: string;
}

const SEVERITIES = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
} as const;

/**
 * The diagnostics of `documents` as `check` reports them, files in path order; `keep`
 * chooses among the raw diagnostics before they are converted (a run keeps a few of many).
 */
export function collectDiagnostics(documents: readonly LangiumDocument[], cwd = process.cwd(), keep?: (d: Diagnostic) => boolean): FileDiagnostic[] {
    // Related places name a few files many times over: work each path out once.
    const places = new Map<string, { file: string; display: string }>();
    const placeOf = (uri: string) => {
        let place = places.get(uri);
        if (!place) {
            const file = URI.parse(uri).fsPath;
            places.set(uri, place = { file, display: path.relative(cwd, file) || file });
        }
        return place;
    };
    // Files by path, then each file's diagnostics by position (comparing paths per diagnostic was a tenth of the time).
    return documents
        .map(doc => ({ doc, ...placeOf(doc.uri.toString()) }))
        .sort((a, b) => a.display.localeCompare(b.display))
        .flatMap(({ doc, file, display }) => (keep ? (doc.diagnostics ?? []).filter(keep) : doc.diagnostics ?? [])
            .map(d => toFileDiagnostic(file, display, d, placeOf))
            .sort((a, b) => a.line - b.line || a.column - b.column));
}

function toFileDiagnostic(file: string, display: string, d: Diagnostic, placeOf: (uri: string) => { file: string; display: string }): FileDiagnostic {
    const related = (d.relatedInformation ?? []).map(r => {
        const { start, end } = r.location.range;
        return {
            ...placeOf(r.location.uri), message: r.message,
            line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
        };
    });
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    const code = d.code === undefined ? undefined : String(d.code);
    const named = (d.data as { subject?: unknown } | undefined)?.subject;
    const subject = Array.isArray(named) ? named.map(String) : messageSubject(display, message);
    return {
        file,
        display,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITIES[d.severity ?? DiagnosticSeverity.Error],
        message,
        code,
        ...(related.length > 0 ? { related } : {}),
        subject,
        fingerprint: fingerprint(code ?? SYNTAX_ERROR, subject),
    };
}
