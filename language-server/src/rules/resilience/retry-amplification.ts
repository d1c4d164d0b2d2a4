import type { ModelRelation } from '../../model/model-types.js';
import { relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { callPolicy } from '../analysis/call-policy.js';
import { syncChains } from '../analysis/graph.js';

/** Retries at several hops multiply: a struggling service receives a storm of attempts. */
export const retryAmplification: Rule = {
    id: 'retry-amplification',
    group: 'resilience',
    defaultSeverity: 'warning',
    description: 'Two or more hops of one synchronous path retry, so the attempts multiply.',
    explanation: 'If the gateway retries 3 times and each service behind it retries 3 times, one request ' +
        'becomes 16 attempts on the last service, exactly when it is struggling. Retry at one hop only ' +
        '(usually the one nearest the user, or the sidecar), with a budget and backoff, and let the others fail fast.',
    check(model) {
        const worst = new Map<string, { hops: ModelRelation[]; retries: number[]; attempts: number }>();
        const retriesOf = new Map<string, number>();
        const retries = (r: ModelRelation) => {
            if (!retriesOf.has(r.id)) retriesOf.set(r.id, callPolicy(model, r).retries?.count ?? 0);
            return retriesOf.get(r.id)!;
        };
        for (const chain of syncChains(model)) {
            const hops = chain.filter(r => retries(r) > 0);
            if (hops.length < 2) continue;
            const attempts = hops.reduce((n, r) => n * (retries(r) + 1), 1);
            const last = hops[hops.length - 1];
            if ((worst.get(last.id)?.attempts ?? 0) < attempts) worst.set(last.id, { hops, retries: hops.map(retries), attempts });
        }
        return [...worst.entries()].map(([id, { hops, retries: counts, attempts }]): Finding => {
            const list = hops.map((r, i) => `'${r.sourceId}' → '${r.targetId}' (retries ${counts[i]})`);
            const last = hops[hops.length - 1];
            return {
                target: relation(id),
                message: `Retries on ${hops.length} hops of one path multiply: ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]} can send ${attempts} attempts to '${last.targetId}'.`,
                related: hops.slice(0, -1).map((r, i) => ({ target: relation(r.id), message: `'${r.sourceId}' retries '${r.targetId}' ${counts[i]} times` })),
            };
        });
    },
};
