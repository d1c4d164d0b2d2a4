import type { ImportedSystem } from '../import/imported-system.js';
import type { ArchModel } from '../model/model-types.js';
import { callDrift } from './call-drift.js';
import { chainDrift } from './chain-drift.js';
import type { DriftFinding } from './drift-finding.js';
import { elementDrift } from './element-drift.js';
import { matchElements } from './match-elements.js';
import { policyDrift } from './policy-drift.js';

/** Everything in which the model and what the sources show differ. */
export function compareDrift(model: ArchModel, system: ImportedSystem): DriftFinding[] {
    const matches = matchElements(model, system);
    return [
        ...elementDrift(model, system, matches),
        ...callDrift(model, system, matches),
        ...policyDrift(model, system, matches),
        ...chainDrift(model, system, matches),
    ];
}
