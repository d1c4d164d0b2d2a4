import type { AstNode, AstNodeDescription, LangiumDocument, LinkingError, ReferenceInfo } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck, isAstNode, isMultiReference, isReference } from 'langium';
import { distance } from 'fastest-levenshtein';
import { Link, Meta, Property, Tags } from '../../generated/ast.js';

/** Nodes that hold no reference, nor does anything inside them: their subtrees are not walked. */
const WITHOUT_REFERENCES = new Set<string>([Property.$type, Tags.$type, Meta.$type, Link.$type]);
/** Nodes linked between two checks for cancellation (each check is an `await`). */
const CHECK_EVERY = 256;

/** Unknown references say what the author probably meant. */
export class ArchLinker extends DefaultLinker {
    /**
     * As Langium links (each node in the order of a walk down the tree, its references in
     * the order of its properties), without walking properties, tags, meta and links (most
     * of a file's nodes), without an `await` per node, and with one look at each node's
     * properties for its references and its children, where Langium's streams look twice.
     */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const pending: AstNode[] = [document.parseResult.value];
        const children: AstNode[] = [];
        let visited = 0;
        while (pending.length > 0) {
            const node = pending.pop()!;
            if (++visited % CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            for (const property of Object.keys(node)) {
                if (property.startsWith('$')) continue;
                const value = (node as unknown as Record<string, unknown>)[property];
                if (isReference(value) || isMultiReference(value)) {
                    this.doLink({ reference: value, container: node, property }, document);
                } else if (Array.isArray(value)) {
                    for (let index = 0; index < value.length; index++) {
                        const item: unknown = value[index];
                        if (isReference(item) || isMultiReference(item)) this.doLink({ reference: item, container: node, property, index }, document);
                        else if (isAstNode(item) && !WITHOUT_REFERENCES.has(item.$type)) children.push(item);
                    }
                } else if (isAstNode(value) && !WITHOUT_REFERENCES.has(value.$type)) {
                    children.push(value);
                }
            }
            // Last in, first out: the first child is linked next.
            while (children.length > 0) pending.push(children.pop()!);
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
