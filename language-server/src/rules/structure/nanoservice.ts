import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { locOf, median, neighbours, ownServices } from '../analysis/service-sizes.js';

/** A service too small to pay for its own process, pipeline, dashboard and network hop. */
export const nanoservice: Rule = {
    id: 'nanoservice',
    group: 'structure',
    defaultSeverity: 'warning',
    description: 'A service is far smaller than the system\'s median in lines of code (`factor`, 5× smaller) and talks to no more elements than the median.',
    explanation: 'Every service costs a deployment pipeline, monitoring, an on-call rota and a network hop ' +
        'for each call. A service a fraction of the size of the others, with few connections, rarely pays ' +
        'for that (the "nano service" or "too fine-grained" smell). The rule needs `loc` on the service and on ' +
        'at least two others; where the size is not written nothing is reported. Merge it into the service ' +
        'that uses it most, or into a library.',
    thresholds: { factor: { default: 5, min: 1, description: 'How many times smaller than the median a service may be.' } },
    check(model, { thresholds }) {
        const services = ownServices(model);
        const sized = services.filter(s => locOf(s) !== undefined);
        if (sized.length < 3) return [];
        const medianLoc = median(sized.map(s => locOf(s)!));
        const medianDegree = median(services.map(s => neighbours(model, s.id).size));
        const findings: Finding[] = [];
        for (const s of sized) {
            const loc = locOf(s)!;
            const degree = neighbours(model, s.id).size;
            if (loc * thresholds.factor > medianLoc || degree > medianDegree) continue;
            findings.push({ target: element(s.id), message: `'${s.id}' is a nanoservice: ${loc} lines of code against a median of ${medianLoc}, and ${degree} neighbour${degree === 1 ? '' : 's'}.` });
        }
        return findings;
    },
};
