import { ELEMENT_KINDS, SIGNALS, isObservabilityKind, type Signal } from '../../model/kinds.js';
import type { CheckContext } from '../check-context.js';

const ARROW_NAMES = { sync: 'call', async: 'message', observe: 'observability link', trigger: 'trigger' } as const;

/** Each arrow joins ends that fit it: signals go to observability, triggers into functions. */
export function checkRelationEnds({ model, report }: CheckContext): void {
    for (const r of model.relations) {
        const at = { uri: r.location.uri, node: r.node };
        const source = model.elements.get(r.sourceId);
        const target = model.elements.get(r.targetId);
        if (r.sourceId === r.targetId) {
            report('error', `A ${ARROW_NAMES[r.kind]} from '${r.sourceId}' to itself: an element does not ${r.kind === 'observe' ? 'observe' : 'call'} itself.`, 'self-relation', at);
            continue;
        }
        if (r.kind === 'observe') {
            if (r.protocol !== undefined && !SIGNALS.includes(r.protocol as Signal)) {
                report('error', `An observability link carries metrics, logs or traces, not '${r.protocol}'.`, 'unknown-signal', { ...at, property: 'protocol' });
            }
            // A bus or queue that buffers a signal (Kafka between Filebeat and Logstash) may receive it.
            const buffersSignal = target && ELEMENT_KINDS[target.kind].messaging && typeof target.properties.signal === 'string';
            if (target && !isObservabilityKind(target.kind) && !buffersSignal) {
                report('error', `'..>' is an observability link, but '${target.id}' is a ${target.kind}, not an observability back end or helper. Use '->' for a call or '~>' for a message.`, 'relation-ends', { ...at, property: 'target' });
            } else if (!target) {
                report('error', `'..>' is an observability link, but '${r.targetId}' is a group. Point it at a metrics, logs or traces back end or helper.`, 'relation-ends', { ...at, property: 'target' });
            }
        }
        if (r.kind === 'trigger') {
            if (target?.kind !== 'function') {
                report('error', `Only functions have triggers; '${r.targetId}' is a ${target?.kind ?? 'group'}. Use '${r.sourceId} ~> ${r.targetId}' for a message.`, 'relation-ends', { ...at, property: 'source' });
            }
            if (source && (source.kind === 'client' || isObservabilityKind(source.kind) && source.kind !== 'logs')) {
                report('error', `A ${source.kind} cannot trigger a function; triggers are gateways, storage, queues, buses, databases, log services and timers.`, 'relation-ends', { ...at, property: 'source' });
            }
        }
        if ((r.kind === 'sync' || r.kind === 'async') && target?.kind === 'timer') {
            report('error', `'${target.id}' is a timer: it fires on its schedule and cannot be called or sent messages.`, 'relation-ends', { ...at, property: 'target' });
        }
        if (r.kind === 'sync' && target && ELEMENT_KINDS[target.kind].tier === 'client') {
            report('warning', `'${r.sourceId}' calls client '${target.id}': clients call the system, not the other way round. Use '~>' for a push notification.`, 'relation-ends', { ...at, property: 'target' });
        }
    }
}
