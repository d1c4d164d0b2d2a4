import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { names } from '../analysis/graph.js';

/** A library of our own in several services: changing it means releasing all of them together. */
export const sharedLibrary: Rule = {
    id: 'shared-library',
    group: 'coupling',
    defaultSeverity: 'warning',
    description: 'A library of our own is built into two or more services (`minServices`, 2), coupling their releases.',
    explanation: 'Services built with the same in-house library (a shared domain model, a common client, ' +
        'utilities) must be rebuilt and redeployed together whenever it changes in a way they depend on, ' +
        'and drift apart when they do not: a distributed monolith (Taibi and Lenarduzzi\'s "shared ' +
        'libraries"). Keep shared libraries small, stable and versioned, copy what is small, or move the ' +
        'shared behaviour into a service. Third-party libraries (`external`) are not reported.',
    thresholds: { minServices: { default: 2, min: 2, description: 'The fewest services that make a library shared.' } },
    check(model, { thresholds }) {
        const findings: Finding[] = [];
        for (const library of model.elements.values()) {
            if (library.kind !== 'library' || library.properties.external === true) continue;
            const users = [...model.elements.values()].filter(e => e.libraryIds.includes(library.id));
            if (users.length < thresholds.minServices) continue;
            findings.push({
                target: element(library.id),
                message: `Library '${library.id}' is built into ${users.length} services, ${names(users.map(u => u.id))}: a change to it is a release of all of them.`,
                related: users.map(u => ({ target: element(u.id), message: `'${u.id}' uses '${library.id}'` })),
            });
        }
        return findings;
    },
};
