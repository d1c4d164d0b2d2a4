import { ELEMENT_KINDS, isObservabilityKind } from '../../model/kinds.js';
import type { ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { pathText, syncChains } from '../analysis/graph.js';

/** A request that waits on a long line of services: their latencies add up and any of them can fail it. */
export const deepSyncChain: Rule = {
    id: 'deep-sync-chain',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A chain of synchronous calls is deeper than the threshold (`maxDepth`, 4 hops).',
    explanation: 'Each synchronous hop adds its latency and its failure rate to the request: five services at ' +
        '99.9% make 99.5%, and one slow service at the end stalls everyone in front of it (Nygard\'s ' +
        '"cascading failure"). Shorten the chain: answer from data the caller already has (a replica or ' +
        'a cache fed by events), make later steps asynchronous, or merge services that always travel together.',
    thresholds: { maxDepth: { default: 4, min: 1, description: 'The most synchronous hops a chain may have.' } },
    check(model, { thresholds }) {
        const maxDepth = thresholds.maxDepth;
        // Calls into data stores and observability end a chain rather than lengthen it.
        const follow = (r: ModelRelation) => {
            const target = model.elements.get(r.targetId);
            return !target || (!ELEMENT_KINDS[target.kind].dataStore && !isObservabilityKind(target.kind));
        };
        // One finding per over-deep chain: chains that share their first `maxDepth` hops and only
        // branch beyond the limit are the same chain, reported once (its longest branch).
        const longest = new Map<string, { chain: ModelRelation[]; branches: number; keys: Set<string> }>();
        for (const chain of syncChains(model, follow)) {
            if (chain.length <= maxDepth) continue;
            const key = chain.slice(0, maxDepth + 1).map(r => r.id).join('|');
            const prefix = chain.slice(0, maxDepth).map(r => r.id).join('|');
            const entry = longest.get(prefix);
            if (!entry) { longest.set(prefix, { chain, branches: 1, keys: new Set([key]) }); continue; }
            if (!entry.keys.has(key)) { entry.keys.add(key); entry.branches++; }
            if (entry.chain.length < chain.length) entry.chain = chain;
        }
        return [...longest.values()].map(({ chain, branches }): Finding => ({
            target: relation(chain[maxDepth].id),
            message: `Synchronous call chain of ${chain.length} hops (more than ${maxDepth}): ${pathText(chain)}` +
                (branches > 1 ? ` (and ${branches - 1} other branch${branches > 2 ? 'es' : ''} beyond hop ${maxDepth}).` : '.'),
            related: chain.map((r, i) => ({ target: relation(r.id), message: `hop ${i + 1}: '${r.sourceId}' calls '${r.targetId}'` })),
        }));
    },
};
