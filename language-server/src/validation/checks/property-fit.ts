import { PROPERTIES } from '../../model/properties.js';
import type { CheckContext } from '../check-context.js';
import type { Properties } from '../../model/model-types.js';
import type { Property } from '../../../generated/ast.js';

/** A property written where it means nothing (`replicas` on a client) is a mistake worth a warning. */
export function checkPropertyFit({ model, report }: CheckContext): void {
    const check = (owner: string, what: string, properties: Properties, nodes: readonly Property[], uri: string) => {
        for (const node of nodes) {
            const allowed = PROPERTIES[node.key]?.on;
            if (node.key in properties && allowed && !allowed.includes(owner as never)) {
                report('warning', `'${node.key}' does not apply to ${what}; it applies to ${allowed.map(a => a === 'relation' ? 'relations' : a).join(', ')}.`, 'property-fit', { uri, node, property: 'key' });
            }
        }
    };
    for (const e of model.elements.values()) check(e.kind, `a ${e.kind}`, e.properties, e.node.properties, e.location.uri);
    for (const g of model.groups.values()) check(g.kind, `a ${g.kind}`, g.properties, g.node.properties, g.location.uri);
    for (const r of model.relations) {
        if (r.node.$type === 'Relation') check('relation', 'a relation', r.properties, r.node.properties, r.location.uri);
        if (r.kind !== 'sync') {
            for (const key of ['timeout', 'retries', 'breaker'] as const) {
                const node = r.node.$type === 'Relation' ? r.node.properties.find(p => p.key === key) : undefined;
                if (node) report('warning', `'${key}' is a call policy and applies to synchronous calls ('->'), not to ${r.kind === 'observe' ? 'observability links' : 'messages'}.`, 'property-fit', { uri: r.location.uri, node, property: 'key' });
            }
        }
    }
}
