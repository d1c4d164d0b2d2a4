import { closestName } from '../../references/arch-linker.js';
import { ELEMENT_KINDS, GROUP_KINDS } from '../../model/kinds.js';
import type { ArchModel } from '../../model/model-types.js';
import { CONCERNS, VIEW_DIRECTIONS, VIEW_LEVEL_WORDS, viewLevel } from '../../model/view-types.js';
import type { CheckContext } from '../check-context.js';

/**
 * What a view names must exist: kinds, concerns, directions and tags (unknown ids are
 * the linker's: "Unknown element … Did you mean …?"). A tag nothing carries selects
 * nothing, so it is a warning; the rest are errors.
 */
export function checkViewPatterns({ model, report }: CheckContext): void {
    const tags = tagsOf(model);
    const kinds = [...Object.keys(ELEMENT_KINDS), ...Object.keys(GROUP_KINDS)];
    for (const view of model.views.values()) {
        for (const pattern of [...view.includes, ...view.excludes]) {
            if (!('value' in pattern)) continue;
            const at = { uri: view.location.uri, node: pattern.node, property: 'value' };
            const v = pattern.value;
            if (pattern.type === 'kind' && !kinds.includes(v)) {
                report('error', `Unknown kind '${v}'.${meant(v, kinds, ' Kinds are element kinds (service, database, …) and group kinds (system, mesh, …).')}`, 'unknown-view-filter', at);
            } else if (pattern.type === 'concern' && !CONCERNS.includes(v as never)) {
                report('error', `Unknown concern '${v}'.${meant(v, CONCERNS, ` Concerns are ${CONCERNS.join(', ')}.`)}`, 'unknown-view-filter', at);
            } else if (pattern.type === 'tag' && !tags.has(v)) {
                report('warning', `Nothing carries the tag '${v}', so it selects nothing.${meant(v, [...tags], '')}`, 'unknown-view-filter', at);
            }
        }
        for (const direction of view.node.directions ?? []) {
            if (!(direction in VIEW_DIRECTIONS)) {
                report('error', `A view's direction is down or right, not '${direction}'.${meant(direction, Object.keys(VIEW_DIRECTIONS), '')}`, 'unknown-view-filter', { uri: view.location.uri, node: view.node, property: 'directions' });
            }
        }
        for (const written of view.node.levels ?? []) {
            const level = String(written);
            if (viewLevel(level) === undefined) {
                report('error', `A view's level is systems, full, auto or a depth from 0 to 100, not '${level}'.${meant(level, Object.keys(VIEW_LEVEL_WORDS), '')}`, 'unknown-view-filter', { uri: view.location.uri, node: view.node, property: 'levels' });
            }
        }
    }
}

function meant(word: string, candidates: readonly string[], otherwise: string): string {
    const suggestion = closestName(word, candidates);
    return suggestion ? ` Did you mean '${suggestion}'?` : otherwise;
}

function tagsOf(model: ArchModel): Set<string> {
    const tags = new Set<string>();
    for (const list of [model.elements.values(), model.groups.values(), model.relations.values()]) {
        for (const item of list) item.tags.forEach(t => tags.add(t));
    }
    return tags;
}
