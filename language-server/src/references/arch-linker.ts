import type { AstNodeDescription, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { distance } from 'fastest-levenshtein';
import { Link, Meta, Property, Tags } from '../../generated/ast.js';

/** Nodes that hold no reference, nor does anything inside them: their subtrees are not walked. */
const WITHOUT_REFERENCES = new Set<string>([Property.$type, Tags.$type, Meta.$type, Link.$type]);
/** Nodes linked between two checks for cancellation (each check is an `await`). */
const CHECK_EVERY = 256;

/** Unknown references say what the author probably meant. */
export class ArchLinker extends DefaultLinker {
    /**
     * As Langium links, without walking properties, tags, meta and links (most of a file's
     * nodes) and without an `await` per node.
     */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const nodes = AstUtils.streamAst(document.parseResult.value).iterator();
        let visited = 0;
        for (let next = nodes.next(); !next.done; next = nodes.next()) {
            const node = next.value;
            if (WITHOUT_REFERENCES.has(node.$type)) {
                nodes.prune();
                continue;
            }
            if (++visited % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(ref => this.doLink(ref, document));
        }
        await interruptAndCheck(cancelToken);
    }

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
