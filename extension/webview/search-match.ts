/**
 * What the preview's search finds, free of the DOM: the drawn elements and groups whose id,
 * label, tags or technology contain the query, ignoring case, in drawing order.
 */

export interface Searchable {
    readonly id: string;
    /** Id, label, kind, technology and tags, one string. */
    readonly text: string;
}

export function matchingIds(items: readonly Searchable[], query: string): string[] {
    const wanted = query.trim().toLocaleLowerCase();
    if (wanted === '') return [];
    return items.filter(item => item.text.toLocaleLowerCase().includes(wanted)).map(item => item.id);
}

/** The next match (`step` 1) or the previous one (-1) from `current` (-1: none yet), round the end. */
export function stepMatch(current: number, count: number, step: 1 | -1): number {
    if (count === 0) return -1;
    if (current < 0) return step === 1 ? 0 : count - 1;
    return (current + step + count) % count;
}

/** "2 of 5", or how many there are before the first is shown, or that there are none. */
export function matchCount(current: number, count: number, query: string): string {
    if (query.trim() === '') return '';
    if (count === 0) return 'No matches';
    return current < 0 ? `${count} match${count === 1 ? '' : 'es'}` : `${current + 1} of ${count}`;
}
