import type { ModelElement } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { freshId } from '../analysis/fix-names.js';

/** Back ends that evaluate alert rules but leave notifying to Alertmanager (CloudWatch, say, notifies by itself). */
const PROMETHEUS_LIKE = /prometheus|thanos|cortex|mimir|victoria/i;

function isPrometheus(e: ModelElement): boolean {
    return PROMETHEUS_LIKE.test(`${e.technology ?? ''} ${e.id} ${e.label}`);
}

/** Alert rules that evaluate to "firing" and reach nobody. */
export const alertsWithoutAlertmanager: Rule = {
    id: 'alerts-without-alertmanager',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'A Prometheus-like metrics back end has alert rules (`alerts`) but no link to an alerting element (Alertmanager).',
    explanation: 'Prometheus evaluates alert rules, but it does not notify anyone: it hands firing alerts to ' +
        'Alertmanager, which groups, silences and routes them to people. Without one, alerts fire into the ' +
        'void. Add an `alerting` element and link the metrics back end to it.',
    check(model) {
        const findings: Finding[] = [];
        const alerting = [...model.elements.values()].find(e => e.kind === 'alerting');
        for (const m of model.elements.values()) {
            const alerts = m.properties.alerts;
            if (m.kind !== 'metrics' || typeof alerts !== 'number' || alerts === 0 || !isPrometheus(m)) continue;
            const linked = [...(model.outgoing.get(m.id) ?? []), ...(model.incoming.get(m.id) ?? [])]
                .some(r => model.elements.get(r.sourceId === m.id ? r.targetId : r.sourceId)?.kind === 'alerting');
            if (linked) continue;
            const newId = freshId(model, 'alertmanager');
            findings.push({
                target: element(m.id),
                message: `'${m.id}' has ${alerts} alert rule${alerts === 1 ? '' : 's'} but no Alertmanager: the alerts fire and nobody is notified.`,
                fixes: [alerting
                    ? { kind: 'add-lines', title: `Send '${m.id}' alerts to '${alerting.id}'`, afterId: m.id, lines: [`${m.id} -> ${alerting.id} : http "alerts"`] }
                    : { kind: 'add-lines', title: `Add Alertmanager '${newId}' for '${m.id}'`, afterId: m.id, lines: [`alerting ${newId} "Alertmanager" : alertmanager`, `${m.id} -> ${newId} : http "alerts"`] }],
            });
        }
        return findings;
    },
};
