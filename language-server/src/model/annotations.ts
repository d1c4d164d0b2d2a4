import type { ArchElement, Group, Relation } from '../../generated/ast.js';
import { newTable } from '../util/own-keys.js';

/** A link written on a declaration or relation: `link "https://…" "Runbook"`. */
export interface ModelLink {
    readonly url: string;
    readonly title?: string;
}

/** Tags, free metadata and links: what people select, search and click by; no rule reads them. */
export interface Annotations {
    /** In the order written, without repeats. */
    readonly tags: readonly string[];
    readonly meta: Readonly<Record<string, string>>;
    readonly links: readonly ModelLink[];
}

export const NO_ANNOTATIONS: Annotations = Object.freeze({ tags: Object.freeze([]), meta: Object.freeze(newTable<string>()), links: Object.freeze([]) });

/** The annotations of a node as written; for a key set twice in `meta` the first value counts. */
export function annotationsOf(node: ArchElement | Group | Relation): Annotations {
    // Most declarations have none: they share one empty set instead of three new objects each.
    if (!node.tags?.length && !node.metas?.length && !node.links?.length) return NO_ANNOTATIONS;
    const tags = [...new Set((node.tags ?? []).flatMap(t => t.values ?? []).filter(t => t))];
    const meta = newTable<string>();
    for (const entry of (node.metas ?? []).flatMap(m => m.entries ?? [])) {
        if (entry.key !== undefined && !(entry.key in meta)) meta[entry.key] = entry.value ?? '';
    }
    const links = (node.links ?? []).filter(l => l.url !== undefined).map(l => (l.title !== undefined ? { url: l.url, title: l.title } : { url: l.url }));
    return { tags, meta, links };
}
