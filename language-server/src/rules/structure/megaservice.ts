import type { ArchModel } from '../../model/model-types.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { locOf, median, neighbours, ownServices } from '../analysis/service-sizes.js';

/**
 * Front ends and orchestrators compose by design: a front end, or a service that at most one
 * element calls and that mostly calls others (a checkout, a state machine). Their many
 * neighbours are the services they compose, not responsibilities of their own.
 */
function composer(model: ArchModel, id: string): boolean {
    if (model.elements.get(id)?.kind === 'frontend') return true;
    const callers = new Set((model.incoming.get(id) ?? []).filter(r => r.kind !== 'observe').map(r => r.sourceId));
    const callees = new Set((model.outgoing.get(id) ?? []).filter(r => r.kind === 'sync' || r.kind === 'trigger').map(r => r.targetId));
    return callers.size <= 1 && callees.size > callers.size;
}

/** One service that does what several should: it changes for every reason and fails for all of them. */
export const megaservice: Rule = {
    id: 'megaservice',
    group: 'structure',
    defaultSeverity: 'warning',
    description: 'A service is far larger than the system\'s median (`factor`, 3×): in lines of code (`loc`), or in the services it talks to (at least `minNeighbours`, 6).',
    explanation: 'A service many times the size of the others, or one that talks to most of the system, ' +
        'has more than one reason to change: its teams queue for releases and its failures reach everything ' +
        '(the "mega service" smell; a monolith inside the microservices). The rule compares each service with ' +
        'the median of the system (at least 4 services): lines of code where `loc` is written, and the ' +
        'number of elements it calls, is called by or exchanges messages with. Split it along its responsibilities.',
    thresholds: {
        factor: { default: 3, min: 1, description: 'How many times the median a service may be.' },
        minNeighbours: { default: 6, min: 1, description: 'The fewest neighbours that can make a service too connected.' },
    },
    check(model, { thresholds }) {
        const services = ownServices(model);
        if (services.length < 4) return [];
        const findings: Finding[] = [];
        const sized = services.filter(s => locOf(s) !== undefined);
        const medianLoc = median(sized.map(s => locOf(s)!));
        const degrees = new Map(services.map(s => [s.id, neighbours(model, s.id).size]));
        const medianDegree = median([...degrees.values()]);
        for (const s of services) {
            const loc = locOf(s);
            const degree = degrees.get(s.id)!;
            const reasons: string[] = [];
            if (loc !== undefined && sized.length >= 3 && loc >= thresholds.factor * medianLoc) reasons.push(`${loc} lines of code against a median of ${medianLoc}`);
            if (degree >= thresholds.minNeighbours && degree >= thresholds.factor * medianDegree && !composer(model, s.id)) reasons.push(`${degree} neighbours against a median of ${medianDegree}`);
            if (reasons.length === 0) continue;
            findings.push({ target: element(s.id), message: `'${s.id}' is a megaservice: ${reasons.join(', and ')}.` });
        }
        return findings;
    },
};
