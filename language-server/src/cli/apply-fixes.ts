import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'langium';
import { editsForFix } from '../lsp/fix-edits.js';
import type { ArchModel } from '../model/model-types.js';
import type { RuleDiagnosticData } from '../rules/quick-fix.js';

/** A file's text with the rules' preferred quick fixes applied, and how many were applied. */
export interface FixedText {
    readonly text: string;
    readonly fixed: number;
}

/**
 * `--fix`: the first (preferred) quick fix of each finding, as the editor offers it
 * (`editsForFix`), applied together when their edits do not overlap; a fix that would
 * overlap one already taken waits for the next run, as in eslint. Undefined when no fix applies.
 */
export function applyFixes(document: LangiumDocument, model: ArchModel): FixedText | undefined {
    const taken: TextEdit[] = [];
    const text = document.textDocument;
    let fixed = 0;
    for (const diagnostic of document.diagnostics ?? []) {
        const fix = ruleData(diagnostic.data)?.fixes[0];
        const edits = fix ? editsForFix(document, model, fix) : undefined;
        if (!edits || edits.length === 0) continue;
        if (edits.some(edit => taken.some(other => overlaps(text, edit, other)))) continue;
        taken.push(...edits);
        fixed++;
    }
    return fixed === 0 ? undefined : { text: TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'arch', 0, text.getText()), taken), fixed };
}

function ruleData(data: unknown): RuleDiagnosticData | undefined {
    const candidate = data as Partial<RuleDiagnosticData> | undefined;
    return candidate && typeof candidate.code === 'string' && Array.isArray(candidate.fixes) ? candidate as RuleDiagnosticData : undefined;
}

/** Two edits touch the same text (two insertions at one place count: their order would be a guess). */
function overlaps(text: { offsetAt(p: { line: number; character: number }): number }, a: TextEdit, b: TextEdit): boolean {
    const [aStart, aEnd] = [text.offsetAt(a.range.start), text.offsetAt(a.range.end)];
    const [bStart, bEnd] = [text.offsetAt(b.range.start), text.offsetAt(b.range.end)];
    return aStart === bStart || (aStart < bEnd && bStart < aEnd);
}
