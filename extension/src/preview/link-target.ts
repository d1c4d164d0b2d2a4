/**
 * Where a link clicked in the preview leads, once `parseHref` has let it through: a web
 * address (opened by VS Code, which asks first for a domain the user has not trusted) or a
 * path relative to the `.arch` file (opened in the editor when it stays in the workspace).
 */
export type LinkTarget =
    | { readonly kind: 'web'; readonly url: string }
    | { readonly kind: 'file'; readonly path: string; readonly fragment?: string };

/** The target of a safe href, or undefined when its path cannot be read (`%zz`). */
export function linkTarget(href: string): LinkTarget | undefined {
    if (/^https?:/i.test(href)) return { kind: 'web', url: href };
    const hash = href.indexOf('#');
    const withoutFragment = hash < 0 ? href : href.slice(0, hash);
    const path = withoutFragment.split('?')[0];
    let decoded: string;
    try {
        decoded = decodeURIComponent(path);
    } catch {
        return undefined;
    }
    if (decoded === '' || decoded.startsWith('/') || decoded.includes('\0')) return undefined;
    const fragment = hash < 0 ? undefined : href.slice(hash + 1);
    return fragment ? { kind: 'file', path: decoded, fragment } : { kind: 'file', path: decoded };
}

/** A line number in a fragment such as `#L42` or `#42`, from 1, as GitHub writes them. */
export function fragmentLine(fragment: string | undefined): number | undefined {
    const match = fragment === undefined ? null : /^L?(\d{1,7})$/.exec(fragment);
    return match ? Number(match[1]) : undefined;
}
