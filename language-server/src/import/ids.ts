/**
 * Names in compose files, manifests and traces (`auth-service`, `ratings-v1`,
 * `reviews.default.svc.cluster.local`) as `.arch` ids (`authService`, `ratingsV1`, `reviews`).
 */

// Keywords that may not be ids (see docs/language.md, "Ids, labels and technologies").
const RESERVED = new Set(['system', 'boundary', 'monolith', 'layer', 'mesh', 'control', 'stack', 'architecture', 'import', 'trigger', 'owner', 'true', 'false']);

export function toId(name: string): string {
    const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
    let id = words.map((w, i) => i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)).join('');
    if (id === '') id = 'unnamed';
    if (/^[0-9]/.test(id)) id = `_${id}`;
    if (RESERVED.has(id)) id = `${id}_`;
    return id;
}

/** The service a host name points at: the first label of a cluster DNS name, without a port. */
export function hostToName(host: string): string {
    const withoutScheme = host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const withoutAuth = withoutScheme.includes('@') ? withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1) : withoutScheme;
    return withoutAuth.split(/[:/?]/)[0].split('.')[0];
}

/** A key for matching names from different sources: lower case, letters and digits only. */
export function matchKey(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
