import type { AstNodeDescription, LangiumCoreServices, LangiumDocument, LangiumDocuments, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, WorkspaceCache, stream } from 'langium';
import type { Model } from '../../generated/ast.js';
import { LazyClosure } from '../workspace/lazy-closure.js';

/** A document sees its own declarations and those of the files it imports, nothing else. */
export class ArchScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;
    private readonly declarations: WorkspaceCache<string, Map<string, AstNodeDescription[]>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.declarations = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        if (!document) return EMPTY_SCOPE;
        // Cached until the workspace changes: every reference of a document shares one scope,
        // and every document one table of the workspace's declarations by name.
        const byName = this.declarations.get(referenceType, () => declarationsByName(this.indexManager.allElements(referenceType)));
        return this.globalScopeCache.get(`${document.uri.toString()}|${referenceType}`, () =>
            new ClosureScope(byName, new LazyClosure(document as LangiumDocument<Model>, this.documents)));
    }
}

/** The workspace's declarations by name, each name's in the index's order. */
function declarationsByName(descriptions: Stream<AstNodeDescription>): Map<string, AstNodeDescription[]> {
    const byName = new Map<string, AstNodeDescription[]>();
    for (const description of descriptions) {
        const list = byName.get(description.name);
        if (list) list.push(description);
        else byName.set(description.name, [description]);
    }
    return byName;
}

/**
 * The declarations of a document's import closure. A name looks up its declarations in the
 * workspace's table and takes the first one in the closure (where an id is declared twice
 * the first declaration wins, as in the semantic model), so a lookup costs the few
 * declarations of that name, not a table of the whole closure per document.
 */
class ClosureScope implements Scope {
    constructor(private readonly byName: ReadonlyMap<string, readonly AstNodeDescription[]>, private readonly closure: LazyClosure) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.byName.get(name)?.find(d => this.closure.has(d.documentUri.toString()));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const found = this.getElement(name);
        return stream(found ? [found] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        const uris = this.closure.all();
        const visible: AstNodeDescription[] = [];
        for (const list of this.byName.values()) {
            const first = list.find(d => uris.has(d.documentUri.toString()));
            if (first) visible.push(first);
        }
        return stream(visible);
    }
}
