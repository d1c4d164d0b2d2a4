import type { Signal } from '../../model/kinds.js';
import type { ArchModel, ModelElement, ModelRelation } from '../../model/model-types.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** The signals whose origin tells what they can answer: the code's own, or the platform's around it. */
const READ: readonly Signal[] = ['metrics', 'logs'];

const WHAT_IS_MISSING: Readonly<Record<string, string>> = {
    metrics: 'its request rate, errors and latency are not measured',
    logs: 'what the code does and why it fails is not logged',
};

/** The `..>` links of one signal that leave an element or its sidecars. */
function linksOf(model: ArchModel, e: ModelElement, signal: Signal): ModelRelation[] {
    return [e.id, ...e.sidecarIds].flatMap(id => (model.outgoing.get(id) ?? []).filter(r => r.kind === 'observe' && r.signal === signal));
}

/** CPU graphs and proxy access logs say that something is wrong, never what. */
export const infrastructureSignalsOnly: Rule = {
    id: 'infrastructure-signals-only',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'The only metrics (or logs) of a service or function come from the platform around it (`origin infrastructure`), none from its own code.',
    explanation: 'Metrics from cAdvisor, a node exporter or a sidecar show CPU, memory and connections; ' +
        'access logs of a proxy show requests going in and out. None of them says which operation fails, ' +
        'how long the code\'s own steps take, or why an error happened: that needs the application\'s own ' +
        'instrumentation (RED metrics, structured logs). The rule fires when every metrics (or logs) link of ' +
        'a service or function, its own or its sidecars\', is marked `origin infrastructure`. A link whose ' +
        '`origin` is not written is unknown and counts as possibly the application\'s. Instrument the code ' +
        'and add a link marked `origin application`.',
    check(model) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if ((e.kind !== 'service' && e.kind !== 'function') || e.properties.external === true) continue;
            for (const signal of READ) {
                const links = linksOf(model, e, signal);
                if (links.length === 0 || !links.every(r => r.properties.origin === 'infrastructure')) continue;
                const target = links[0].targetId;
                findings.push({
                    target: element(e.id),
                    message: `'${e.id}' has only infrastructure ${signal} (from the platform, not its code): ${WHAT_IS_MISSING[signal]}.`,
                    related: links.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' → '${r.targetId}' carries infrastructure ${signal}` })),
                    fixes: [{
                        kind: 'add-lines', title: `Send application ${signal} from '${e.id}' to '${target}'`,
                        afterId: e.hostId ?? e.id, lines: [`${e.id} ..> ${target} : ${signal} { origin application }`],
                    }],
                });
            }
        }
        return findings;
    },
};
