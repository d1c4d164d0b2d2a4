import type { ArchModel, ModelRelation, RelationKind } from '../model/model-types.js';
import type { Concern, ModelView, ViewPatternSpec } from '../model/view-types.js';
import { isUndrawable, withWhatIsDrawnAlong, type ViewSelection } from '../diagram/views.js';
import { CONCERN_KINDS, matchPattern } from './pattern-match.js';
import { ELEMENT_KINDS, isObservabilityKind } from '../model/kinds.js';

const ALL_KINDS: readonly RelationKind[] = ['sync', 'async', 'observe', 'trigger'];
const EVERYTHING: ViewPatternSpec = { type: 'all', node: undefined! };

/**
 * What a `view` declaration draws. The includes add elements and groups (a group brings
 * what is inside it; `x->*` brings what x calls, `*->x` what calls x); concern filters
 * among them keep only their kinds of relation; the excludes take away. A view without
 * includes starts from everything. Relations are drawn between what is drawn; groups are
 * drawn around what they contain, sidecars with their host.
 */
export function selectNamedView(model: ArchModel, view: ModelView): ViewSelection {
    const ids = new Set<string>();
    const includes = view.includes.length > 0 ? view.includes : [EVERYTHING];
    for (const pattern of includes) matchPattern(model, pattern).ids.forEach(id => ids.add(id));
    const concerns = includes.flatMap(p => (p.type === 'concern' ? [p.value as Concern] : []));
    const kinds = new Set(concerns.length > 0 ? concerns.flatMap(c => CONCERN_KINDS[c] ?? []) : ALL_KINDS);
    const dropped = new Set<ModelRelation>();
    for (const pattern of view.excludes) {
        if (pattern.type === 'concern') {
            const concern = pattern.value as Concern;
            (CONCERN_KINDS[concern] ?? []).forEach(k => kinds.delete(k));
            for (const element of model.elements.values()) {
                if (concern === 'observability' ? isObservabilityKind(element.kind) : concern === 'messaging' && ELEMENT_KINDS[element.kind].messaging) ids.delete(element.id);
            }
            continue;
        }
        const match = matchPattern(model, pattern);
        const keep = pattern.type === 'outgoing' || pattern.type === 'incoming' ? pattern.id : undefined;
        match.ids.forEach(id => { if (id !== keep) ids.delete(id); });
        if (pattern.type === 'tag') match.relations.forEach(r => dropped.add(r));
    }
    const relations = model.relations.filter(r => kinds.has(r.kind) && ids.has(r.sourceId) && ids.has(r.targetId) && !dropped.has(r) && !isUndrawable(model, r));
    const elementIds = new Set([...ids].filter(id => model.elements.has(id)));
    const groupIds = new Set([...ids].filter(id => model.groups.has(id)));
    withWhatIsDrawnAlong(model, elementIds, groupIds);
    const notice = `View '${view.label}': ${elementIds.size} of ${plural(model.elements.size, 'element')}, ${relations.length} of ${plural(model.relations.length, 'relation')}.`;
    return { view: 'all', elementIds, groupIds, relations, bundles: [], notice };
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
