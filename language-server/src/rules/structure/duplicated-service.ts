import { isObservabilityKind } from '../../model/kinds.js';
import type { ArchModel } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names } from '../analysis/graph.js';
import { ownServices } from '../analysis/service-sizes.js';

/** What a service depends on: the elements it calls or sends to, and the stores it owns. */
function dependencies(model: ArchModel, id: string, owned: ReadonlyMap<string, readonly string[]>): Set<string> {
    const result = new Set<string>();
    for (const r of model.outgoing.get(id) ?? []) {
        const target = model.elements.get(r.targetId);
        if ((r.kind === 'sync' || r.kind === 'async') && r.properties.startup !== true && !(target && isObservabilityKind(target.kind))) result.add(r.targetId);
    }
    for (const e of owned.get(id) ?? []) result.add(e);
    return result;
}

/** The elements each element owns, in source order. */
function ownedElements(model: ArchModel): Map<string, string[]> {
    const owned = new Map<string, string[]>();
    for (const e of model.elements.values()) {
        if (e.ownerId === undefined) continue;
        const list = owned.get(e.ownerId);
        if (list) list.push(e.id);
        else owned.set(e.ownerId, [e.id]);
    }
    return owned;
}

/** How many of `a` are in `b`. */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    let count = 0;
    for (const d of a) if (b.has(d)) count++;
    return count;
}

/** Two services that use the same things are likely doing the same job twice. */
export const duplicatedService: Rule = {
    id: 'duplicated-service',
    group: 'structure',
    defaultSeverity: 'warning',
    description: 'Two services have near-identical dependencies and stores (`minSimilarity`, 80%, over at least `minDependencies`, 3).',
    explanation: 'Two services that call the same services and use the same stores usually implement the ' +
        'same capability twice: fixes land in one and not the other, and the data they share drifts. The ' +
        'rule compares what each service depends on (Jaccard similarity of the elements it calls, sends ' +
        'to and owns). Merge them, or let one call the other. Versions of one service are not compared.',
    thresholds: {
        minSimilarity: { default: 80, min: 1, description: 'The share of shared dependencies, in per cent, that makes two services duplicates.' },
        minDependencies: { default: 3, min: 1, description: 'The fewest dependencies a service needs before it is compared.' },
    },
    check(model, { thresholds }) {
        const owned = ownedElements(model);
        const services = ownServices(model).map(s => ({ id: s.id, deps: dependencies(model, s.id, owned) })).filter(s => s.deps.size >= thresholds.minDependencies);
        const findings: Finding[] = [];
        const reported = new Set<string>();
        // Only services that share a dependency can be alike: each is compared with those after it that do.
        const users = new Map<string, number[]>();
        services.forEach((s, i) => {
            for (const d of s.deps) {
                const list = users.get(d);
                if (list) list.push(i);
                else users.set(d, [i]);
            }
        });
        for (let i = 0; i < services.length; i++) {
            const a = services[i];
            const later = new Set<number>();
            for (const d of a.deps) for (const j of users.get(d)!) if (j > i) later.add(j);
            for (const j of [...later].sort((x, y) => x - y)) {
                const b = services[j];
                if (reported.has(b.id)) continue;
                // At most the smaller set is shared and at least the larger one is in the union: most pairs end here.
                if (Math.min(a.deps.size, b.deps.size) * 100 < thresholds.minSimilarity * Math.max(a.deps.size, b.deps.size)) continue;
                const count = sharedCount(a.deps, b.deps);
                const union = a.deps.size + b.deps.size - count;
                if (count * 100 < thresholds.minSimilarity * union) continue;
                const shared = [...a.deps].filter(d => b.deps.has(d));
                reported.add(b.id);
                findings.push({
                    target: element(b.id),
                    message: `'${b.id}' and '${a.id}' depend on nearly the same elements (${shared.length} of ${union}: ${names(shared)}): they may do the same job twice.`,
                    related: [{ target: element(a.id), message: `'${a.id}' has the same dependencies` }],
                });
            }
        }
        return findings;
    },
};
