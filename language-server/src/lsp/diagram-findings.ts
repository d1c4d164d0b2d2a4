import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagramFinding } from '../diagram/diagram-types.js';
import type { ArchModel, SourceLocation } from '../model/model-types.js';
import { innermostContaining } from './innermost-range.js';
import { newTable } from '../util/own-keys.js';

const SEVERITIES: Partial<Record<DiagnosticSeverity, DiagramFinding['severity']>> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
};

interface Located {
    readonly id: string;
    readonly location: SourceLocation;
}

/**
 * Puts a document's diagnostics on the diagram: each goes to the element, group or
 * relation declared in that document whose declaration holds it (the innermost one); one
 * on a flow's step (the flow rules') goes to the relation the step takes. Hints are left
 * out, and so are diagnostics outside every declaration (an import line).
 */
export function findingsByItem(model: ArchModel, uri: string, diagnostics: readonly Diagnostic[]): Record<string, DiagramFinding[]> {
    return findingsAndPaths(model, uri, diagnostics).findings;
}

/**
 * The findings by item, and the paths of multi-hop findings: each item (other than the
 * finding's own) that holds a location of the diagnostic's related information (the hops
 * of a chain, the members of a cycle), with the finding it lies on.
 */
export function findingsAndPaths(model: ArchModel, uri: string, diagnostics: readonly Diagnostic[]): { findings: Record<string, DiagramFinding[]>; paths: Record<string, DiagramFinding[]> } {
    // Per line, the declarations that span it: a diagnostic's owner spans its first line.
    // Comparing every diagnostic with every declaration took 30 ms at 1,000 elements.
    const byLine = new Map<number, Located[]>();
    for (const item of [...model.elements.values(), ...model.groups.values(), ...model.relations, ...flowSteps(model)]) {
        if (item.location.uri !== uri) continue;
        const { start, end } = item.location.fullRange;
        for (let line = start.line; line <= end.line; line++) {
            const spanning = byLine.get(line);
            if (spanning) spanning.push(item);
            else byLine.set(line, [item]);
        }
    }
    const result = newTable<DiagramFinding[]>();
    const paths = newTable<DiagramFinding[]>();
    for (const diagnostic of diagnostics) {
        const severity = SEVERITIES[diagnostic.severity ?? DiagnosticSeverity.Error];
        if (!severity) continue;
        const owner = innermostContaining(byLine.get(diagnostic.range.start.line) ?? [], item => item.location.fullRange, diagnostic.range);
        if (!owner) continue;
        const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
        const finding: DiagramFinding = diagnostic.code === undefined
            ? { severity, message }
            : { severity, message, code: String(diagnostic.code) };
        (result[owner.id] ??= []).push(finding);
        for (const related of diagnostic.relatedInformation ?? []) {
            if (related.location.uri !== uri) continue;
            const range = related.location.range;
            const hop = innermostContaining(byLine.get(range.start.line) ?? [], item => item.location.fullRange, range);
            if (hop && hop.id !== owner.id && !paths[hop.id]?.includes(finding)) (paths[hop.id] ??= []).push(finding);
        }
    }
    return { findings: result, paths };
}

/** The steps of the model's flows that take a relation, located where they are written, as that relation. */
function flowSteps(model: ArchModel): Located[] {
    return [...model.flows.values()].flatMap(flow => flow.steps.flatMap(step => (step.relationId !== undefined ? [{ id: step.relationId, location: step.location }] : [])));
}
