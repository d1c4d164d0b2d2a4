import type { AstNodeDescription, LinkingError, ReferenceInfo } from 'langium';
import { DefaultLinker } from 'langium';
import { distance } from 'fastest-levenshtein';

/** Unknown references say what the author probably meant. */
export class ArchLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        if (targetDescription || !name) return error;
        const candidates = this.scopeProvider.getScope(refInfo).getAllElements().map(d => d.name).distinct().toArray();
        const suggestion = closestName(name, candidates);
        return {
            ...error,
            message: `Unknown element '${name}'.` + (suggestion ? ` Did you mean '${suggestion}'?` : ' Declare it, or import the file that declares it.'),
        };
    }
}

/** The candidate nearest to `name` within a small edit distance, if any. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    const limit = Math.max(2, Math.floor(name.length / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const d = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : distance(name, candidate);
        if (d <= limit && d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
