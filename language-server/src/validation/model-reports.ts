import type { AstNode } from 'langium';
import type { ArchModel } from '../model/model-types.js';
import type { ModelCheck, Severity } from './check-context.js';

/** One diagnostic of the model or of a language check, for the file it sits in. */
export interface ModelReport {
    readonly severity: Severity;
    readonly message: string;
    readonly code: string;
    readonly node: AstNode;
    readonly property?: string;
}

interface Reports {
    readonly byFile: ReadonlyMap<string, readonly ModelReport[]>;
    /** Checks that threw: every file of the model says so. */
    readonly failures: readonly string[];
}

const reportsOf = new WeakMap<ArchModel, Reports>();

/**
 * The model's own problems and the language checks' reports on the file `uri`. The files
 * of one root share its model: the checks run once over it and their reports are sorted
 * by file, instead of each file running them over the whole model for its own part.
 */
export function modelReportsIn(model: ArchModel, uri: string, checks: readonly ModelCheck[]): { reports: readonly ModelReport[]; failures: readonly string[] } {
    let reports = reportsOf.get(model);
    if (!reports) reportsOf.set(model, reports = runChecks(model, checks));
    return { reports: reports.byFile.get(uri) ?? [], failures: reports.failures };
}

function runChecks(model: ArchModel, checks: readonly ModelCheck[]): Reports {
    const byFile = new Map<string, ModelReport[]>();
    const add = (fileUri: string, report: ModelReport) => {
        const list = byFile.get(fileUri);
        if (list) list.push(report);
        else byFile.set(fileUri, [report]);
    };
    for (const problem of model.problems) add(problem.uri, { severity: problem.severity, message: problem.message, code: problem.code, node: problem.node, property: problem.property });
    const failures: string[] = [];
    const context = {
        model,
        report: (severity: Severity, message: string, code: string, target: { uri: string; node: AstNode; property?: string }) =>
            add(target.uri, { severity, message, code, node: target.node, property: target.property }),
    };
    for (const check of checks) {
        // One failing check must not hide the others' findings.
        try {
            check(context);
        } catch (error) {
            failures.push(`Internal error in check ${check.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    return { byFile, failures };
}
