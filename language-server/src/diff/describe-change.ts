import type { ChangeKind, ItemChange, PropertyChange } from './diff-types.js';

/**
 * The words of a change, shared by the text and Markdown reports. Raw text: each format
 * escapes it for where it goes.
 */

export const CHANGE_WORDS: Readonly<Record<ChangeKind, string>> = {
    added: 'added', removed: 'removed', renamed: 'renamed', moved: 'moved', changed: 'changed',
};

export function valueText(value: string | number | boolean | undefined): string {
    if (value === undefined) return '(none)';
    if (value === true) return 'yes';
    if (value === false) return 'no';
    return String(value);
}

/** `replicas 1 → 3`, `breaker (none) → yes`. */
export function propertyText(p: PropertyChange): string {
    return `${p.name} ${unitText(p.name, p.before)} → ${unitText(p.name, p.after)}`;
}

/** The model holds durations in ms and sizes in bytes: show them with their unit. */
function unitText(name: string, value: PropertyChange['before']): string {
    if (typeof value === 'number' && name === 'timeout') return `${value}ms`;
    if (typeof value === 'number' && name === 'memory') return `${value} bytes`;
    return valueText(value);
}

/** What happened to an item besides its properties: `renamed from x`, `moved from a to b`. */
export function movesText(item: ItemChange): string[] {
    const parts: string[] = [];
    if (item.oldId !== undefined) parts.push(`renamed from ${item.oldId}`);
    if (item.changes.includes('moved')) parts.push(`moved from ${item.groupBefore ?? '(top level)'} to ${item.groupAfter ?? '(top level)'}`);
    return parts;
}

/** The whole change in one line, without the item's name. */
export function changeDetails(item: ItemChange): string {
    return [...movesText(item), ...item.properties.map(propertyText)].join('; ');
}

/** How an item is named: `service orders "Order Service"`, or a relation as written. */
export function itemName(item: ItemChange): string {
    if (item.type === 'relation') return item.label;
    return `${item.kind} ${item.id}${item.label !== item.id ? ` "${item.label}"` : ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}
