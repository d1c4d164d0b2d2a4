/**
 * The steps of a flow in blocks: a run of parallel steps that share a position is one
 * block (a `par` frame), every other step a block of its own.
 */
export function frameBlocks<T extends { readonly step: { readonly parallel: boolean; readonly order: number } }>(steps: readonly T[]): T[][] {
    const blocks: T[][] = [];
    for (const s of steps) {
        const last = blocks[blocks.length - 1];
        if (s.step.parallel && last?.[0].step.parallel && last[0].step.order === s.step.order) last.push(s);
        else blocks.push([s]);
    }
    return blocks;
}
