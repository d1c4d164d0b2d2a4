import type { ModelElement, ModelGroup, ModelRelation, Properties, PropertyValue } from '../model/model-types.js';
import type { PropertyChange } from './diff-types.js';

/**
 * Every property of a declaration before and after, where they differ: what it is (kind,
 * label, technology), whom it belongs to (owner, host) and each written property
 * (replicas, timeout, retries, breaker, exposure, …), in a stable order.
 */

type Value = PropertyValue | undefined;

export function elementChanges(before: ModelElement, after: ModelElement, rename: (id: string) => string): PropertyChange[] {
    return [
        ...changed('kind', before.kind, after.kind),
        ...labelChange(before, after),
        ...changed('technology', before.technology, after.technology),
        ...changed('owner', mapped(before.ownerId, rename), after.ownerId),
        ...changed('host', mapped(before.hostId, rename), after.hostId),
        ...propertyChanges(before.properties, after.properties),
    ];
}

export function groupChanges(before: ModelGroup, after: ModelGroup): PropertyChange[] {
    return [
        ...changed('kind', before.kind, after.kind),
        ...labelChange(before, after),
        ...changed('technology', before.technology, after.technology),
        ...propertyChanges(before.properties, after.properties),
    ];
}

export function relationChanges(before: ModelRelation, after: ModelRelation): PropertyChange[] {
    return [
        ...changed('protocol', before.protocol, after.protocol),
        ...changed('label', before.label, after.label),
        ...changed('signal', before.signal, after.signal),
        ...propertyChanges(before.properties, after.properties),
    ];
}

/** A declaration without a label shows its id: renaming it is no change of label. */
function labelChange(before: ModelElement | ModelGroup, after: ModelElement | ModelGroup): PropertyChange[] {
    if (before.label === before.id && after.label === after.id) return [];
    return changed('label', before.label, after.label);
}

function propertyChanges(before: Properties, after: Properties): PropertyChange[] {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap(name => changed(name, before[name], after[name]));
}

function changed(name: string, before: Value, after: Value): PropertyChange[] {
    if (before === after) return [];
    return [{ name, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

function mapped(id: string | undefined, rename: (id: string) => string): string | undefined {
    return id === undefined ? undefined : rename(id);
}
