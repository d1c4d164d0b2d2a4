import { ELEMENT_KINDS } from '../../model/kinds.js';
import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding, type RelatedInfo } from '../finding.js';
import type { Rule } from '../rule.js';
import { pathText } from '../analysis/graph.js';

/** A path from a shipper to a log back end with no bus or queue on it, found breadth first. */
function unbufferedPath(model: ArchModel, shipper: string): ModelRelation[] | undefined {
    const via = new Map<string, ModelRelation>();
    const queue = [shipper];
    const seen = new Set([shipper]);
    while (queue.length > 0) {
        const id = queue.shift()!;
        for (const r of model.outgoing.get(id) ?? []) {
            if (r.kind === 'trigger' || seen.has(r.targetId)) continue;
            const target = model.elements.get(r.targetId);
            if (!target || ELEMENT_KINDS[target.kind].messaging) continue;
            seen.add(r.targetId);
            via.set(r.targetId, r);
            if (target.kind === 'logs') {
                const path: ModelRelation[] = [];
                for (let at = r.targetId; at !== shipper; at = via.get(at)!.sourceId) path.unshift(via.get(at)!);
                return path;
            }
            queue.push(r.targetId);
        }
    }
    return undefined;
}

/** Log bursts that hit the indexer directly: when it slows down, shippers drop or block. */
export const unbufferedLogPipeline: Rule = {
    id: 'unbuffered-log-pipeline',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'Shippers send high-volume logs to the indexer with no buffer (a bus or queue such as Kafka) in between.',
    explanation: 'Log volume comes in bursts, exactly during incidents. Without a buffer between the shippers ' +
        '(Filebeat, Fluent Bit) and the indexer (Logstash, Elasticsearch), a slow indexer makes shippers drop ' +
        'logs or back up on every host. Put a bus such as Kafka in between. The rule speaks only where ' +
        '`volume high` is written on the shipper, its sources, the path or the back end.',
    check(model) {
        const findings: Finding[] = [];
        for (const shipper of model.elements.values()) {
            if (shipper.kind !== 'shipper') continue;
            const path = unbufferedPath(model, shipper.id);
            if (!path) continue;
            const sources = (model.incoming.get(shipper.id) ?? []).map(r => r.sourceId);
            const onPath = [shipper.id, ...path.map(r => r.targetId), ...sources];
            const high: RelatedInfo[] = [
                ...onPath.filter(id => model.elements.get(id)?.properties.volume === 'high')
                    .map(id => ({ target: element(id), message: `'${id}' is marked volume high` })),
                ...path.filter(r => r.properties.volume === 'high')
                    .map(r => ({ target: relation(r.id), message: `'${r.sourceId}' → '${r.targetId}' is marked volume high` })),
            ];
            if (high.length === 0) continue;
            findings.push({
                target: relation(path[0].id),
                message: `Shipper '${shipper.id}' sends high-volume logs to '${path[path.length - 1].targetId}' with no buffer in between (${pathText(path)}).`,
                related: high,
            });
        }
        return findings;
    },
};
