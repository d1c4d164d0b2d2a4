import { ELEMENT_KINDS } from '../../model/kinds.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names } from '../analysis/graph.js';
import { ownServices } from '../analysis/service-sizes.js';

/** Nothing collects metrics, logs or traces: when something goes wrong, nobody can see what. */
export const noObservabilityBackend: Rule = {
    id: 'no-observability-backend',
    group: 'observability',
    defaultSeverity: 'warning',
    description: 'An architecture of several services (`minServices`, 2) has no metrics, logs or traces back end at all.',
    explanation: 'With no back end for metrics, logs or traces, a failure in a distributed system can only ' +
        'be found by logging in to each host. The smell is the absence: the rule fires when the architecture ' +
        'has at least `minServices` services and no metrics, logs or traces back end (collectors, agents and ' +
        'dashboards that no service reports to keep nothing) and no `..>` link. ' +
        'Add the back ends you run (`metrics prometheus`, `logs loki`, `traces jaeger`, or a managed one ' +
        'such as CloudWatch marked `managed`) and link the services to them.',
    thresholds: { minServices: { default: 2, min: 1, description: 'The fewest services that make observability necessary.' } },
    check(model, { thresholds }) {
        // A file of bare declarations is meant to be imported: the architecture that imports it is judged.
        if (model.title === undefined) return [];
        const services = ownServices(model).filter(e => e.properties.managed !== true);
        if (services.length < thresholds.minServices) return [];
        // Only a back end that keeps metrics, logs or traces counts; a collector, a dashboard or a
        // stream aggregator (Turbine, a Hystrix dashboard) with nothing behind it keeps nothing.
        const backend = (id: string) => { const e = model.elements.get(id); return e !== undefined && ELEMENT_KINDS[e.kind].backendSignal !== undefined; };
        if ([...model.elements.keys()].some(backend)) return [];
        // A `..>` link states that the services report to what observes them (a managed back end, an
        // admin server that they push to): that counts.
        if (model.relations.some(r => r.kind === 'observe')) return [];
        const shown = services.slice(0, 5).map(s => s.id);
        return [{
            // On a service of this file, not of a file it imports.
            target: element((services.find(s => s.location.uri === model.uri) ?? services[0]).id),
            message: `${services.length} services and no metrics, logs or traces back end: nothing observes ${services.length > shown.length ? `${names(shown)} and the others` : names(shown)}.`,
        } satisfies Finding];
    },
};
