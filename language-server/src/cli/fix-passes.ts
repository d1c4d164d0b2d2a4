import type { LangiumDocument } from 'langium';
import type { ArchServices } from '../arch-module.js';
import { applyFixes } from './apply-fixes.js';
import type { SourceFile } from './files.js';

/** The checked sources and the analysis of them. */
export interface Analysis {
    readonly services: ArchServices;
    readonly documents: readonly LangiumDocument[];
}

/** What `--fix` arrived at: the fixed texts, their analysis, and how many fixes went into each file. */
export interface FixResult extends Analysis {
    readonly sources: readonly SourceFile[];
    readonly fixed: ReadonlyMap<string, number>;
}

/** Passes of fixes: a fix may enable another, or wait for one it overlapped (eslint stops after 10). */
const MAX_PASSES = 10;

export async function fixInPasses(sources: readonly SourceFile[], analyse: (sources: readonly SourceFile[]) => Promise<Analysis>): Promise<FixResult> {
    let current = sources;
    const fixed = new Map<string, number>();
    for (let pass = 1; ; pass++) {
        const analysis = await analyse(current);
        if (pass > MAX_PASSES) return { ...analysis, sources: current, fixed };
        let changed = false;
        current = current.map((source, index) => {
            const document = analysis.documents[index];
            const result = applyFixes(document, analysis.services.model.ModelProvider.getModel(document));
            if (!result) return source;
            changed = true;
            fixed.set(source.path, (fixed.get(source.path) ?? 0) + result.fixed);
            return { ...source, text: result.text };
        });
        if (!changed) return { ...analysis, sources: current, fixed };
    }
}
