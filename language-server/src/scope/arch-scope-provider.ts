import type { AstNodeDescription, LangiumCoreServices, LangiumDocument, LangiumDocuments, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MapScope } from 'langium';
import type { Model } from '../../generated/ast.js';
import { importClosure } from '../workspace/imports.js';

/** A document sees its own declarations and those of the files it imports, nothing else. */
export class ArchScopeProvider extends DefaultScopeProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        if (!document) return EMPTY_SCOPE;
        // Cached until the workspace changes: every reference of a document shares one scope.
        return this.globalScopeCache.get(`${document.uri.toString()}|${referenceType}`, () => {
            const closure = importClosure(document as LangiumDocument<Model>, this.documents);
            const uris = new Set(closure.map(d => d.uri.toString()));
            // A map, not a stream: thousands of references each look a name up. Where an id is
            // declared twice the first declaration wins, as in the semantic model.
            const byName = new Map<string, AstNodeDescription>();
            for (const description of this.indexManager.allElements(referenceType, uris)) {
                if (!byName.has(description.name)) byName.set(description.name, description);
            }
            return new MapScope(byName.values());
        });
    }
}
