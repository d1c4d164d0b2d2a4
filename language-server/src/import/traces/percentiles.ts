/** The p-th percentile (0–100) of values sorted in ascending order, nearest rank. */
export function percentile(sorted: Float64Array | readonly number[], p: number): number {
    if (sorted.length === 0) return 0;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
