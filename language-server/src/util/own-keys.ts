/**
 * Tables keyed by names from `.arch` files and config files. A name may be `toString`,
 * `constructor` or `__proto__`: a plain object would answer those from its prototype
 * (`table['toString']` is a function) or, for `__proto__`, not store them at all.
 */

/** An empty object without a prototype: only what is put in it is in it. */
export function newTable<T>(): Record<string, T> {
    return Object.create(null) as Record<string, T>;
}

/** `table[key]` if the table itself holds `key`, undefined otherwise (never a prototype's member). */
export function ownValue<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
    return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
