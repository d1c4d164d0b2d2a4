import { edgesWithinBudget, type LayeredEdge } from './dense-graph.js';
import type { ViewSelection } from './views.js';

/**
 * Dense parts of a view (services that all call each other) are drawn with fewer lines, so
 * that the layout takes seconds rather than minutes (`dense-graph.ts`): the lines that
 * would cross the most of the diagram are left out until ELK's work is within a budget,
 * and the notice says how many and how to see them (focus on an element draws each of its
 * relations). Diagrams as architectures are usually drawn, even 500 elements with two
 * relations each, stay within the budget and are drawn whole.
 */

/**
 * ELK's work allowed, in edge segments: 150 for a small diagram (below 40 boxes ELK
 * searches harder for fewer crossings, and each segment costs more), 3 per box from 50
 * boxes on. 25 services that all call each other cut to 150 segments (97 of 600 calls) are
 * laid out in about 0.8 s (warm; 2 cores under a load of 13); a generated 500-element
 * architecture (1,354 segments, 3 per box allow 1,542) is not cut.
 */
export function layoutBudget(boxes: number): number {
    return Math.max(MIN_BUDGET, BUDGET_PER_BOX * boxes);
}

const MIN_BUDGET = 150;
const BUDGET_PER_BOX = 3;

/**
 * After a layout was stopped at its time budget: about one segment per box, so that mostly
 * lines between neighbouring layers are left, which ELK lays out in a fraction of the time.
 */
function sparseBudget(selection: ViewSelection): number {
    return selection.elementIds.size + selection.groupIds.size;
}

/** The selection with the lines past the budget left out, and a notice saying so; as it is when within the budget. */
export function thinDenseParts(selection: ViewSelection, sparse = false): ViewSelection {
    const budget = sparse ? sparseBudget(selection) : layoutBudget(selection.elementIds.size + selection.groupIds.size);
    const relations = selection.relations;
    const edgeBundles = selection.edgeBundles ?? [];
    const merged = selection.merged ?? [];
    const droppable: LayeredEdge[] = [...relations, ...edgeBundles, ...merged];
    if (droppable.length <= DENSE_AT_LEAST) return selection;
    const fixed = selection.bundles.map(b => ({ sourceId: b.groupId, targetId: b.targetId }));
    const kept = edgesWithinBudget(droppable, budget, fixed);
    const left = kept.filter(k => !k).length;
    if (left === 0) return selection;
    let i = 0;
    const keep = <T>(list: readonly T[]) => list.filter(() => kept[i++]);
    const thinned = { relations: keep(relations), edgeBundles: keep(edgeBundles), merged: keep(merged) };
    const leftRelations = [...relations, ...edgeBundles.flatMap(b => b.relations), ...merged.flatMap(m => m.relations)].length
        - [...thinned.relations, ...thinned.edgeBundles.flatMap(b => b.relations), ...thinned.merged.flatMap(m => m.relations)].length;
    const notice = denseNotice(leftRelations, left, droppable.length, sparse);
    return {
        ...selection,
        relations: thinned.relations,
        ...(selection.edgeBundles ? { edgeBundles: thinned.edgeBundles } : {}),
        ...(selection.merged ? { merged: thinned.merged } : {}),
        notice: selection.notice ? `${notice} ${selection.notice}` : notice,
    };
}

/** Below this many lines nothing is left out, whatever their layering: ELK lays them out in well under a second. */
const DENSE_AT_LEAST = 60;

const DENSE_NOTICE = 'This view is too densely connected to lay out in seconds:';

function denseNotice(relations: number, lines: number, of: number, sparse: boolean): string {
    const what = relations === lines ? `${lines} of its ${of} relations are` : `${lines} of its ${of} lines (${relations} relations) are`;
    const stopped = sparse ? ' its layout was stopped at its time budget, and' : '';
    return `${DENSE_NOTICE}${stopped} ${what} not drawn, those that would cross the most of the diagram. Focus on an element to see each of its relations.`;
}

/** Whether a diagram's notice says that lines were left out (it comes first). */
export function isDenseNotice(notice: string): boolean {
    return notice.startsWith(DENSE_NOTICE);
}
