import { ELEMENT_KINDS, type ElementKind } from '../model/kinds.js';
import { PROPERTIES } from '../model/properties.js';
import type { Body, CompletionSpot } from './completion-spot.js';
import { ownValue } from '../util/own-keys.js';

/**
 * Which of the keywords the grammar allows at the cursor make sense there: property keys
 * only where they apply, `layer` only in a monolith, `trigger` only in a function.
 * `rule` is the grammar rule the keyword belongs to (`PropertyKey`, `ElementKind`, …).
 */

export function keywordFits(spot: CompletionSpot, word: string, rule: string | undefined): boolean {
    const { body } = spot;
    // Where an id goes, kind words are ids too (`a -> timer`); offer declared ids, not keywords.
    if (spot.expectsName || spot.arrow || spot.previous === 'trigger' || spot.previous === 'owner' || isTechnologyPart(spot.previous)) return false;
    switch (rule) {
        // Values such as `traces` are offered with the key they belong to.
        case 'Word': return false;
        case 'Arrow': return true;
        case 'ElementKind':
            if (body.of === 'element') return word === 'sidecar' && canHostSidecar(body.kind);
            return body.of !== 'relation';
        case 'GroupKind':
            if (body.of === 'element' || body.of === 'relation') return false;
            if (word === 'layer') return body.of === 'group' && body.kind === 'monolith';
            if (word === 'control-plane') return body.of === 'group' && body.kind === 'mesh';
            return true;
        case 'PropertyKey': return !spot.writtenKeys.has(word) && propertyFits(word, body);
        case 'Value': return spot.valueKey !== undefined;
        case 'Trigger': return body.of === 'element' && body.kind === 'function';
        case 'Owner': return body.of === 'element' && ELEMENT_KINDS[body.kind].dataStore;
        default: return /\p{L}/u.test(word);
    }
}

/** After the `-`, `.` or `/` inside a technology such as `spring-boot`. */
function isTechnologyPart(previous: string | undefined): boolean {
    return previous === '-' || previous === '.' || previous === '/';
}

function canHostSidecar(kind: ElementKind): boolean {
    return ELEMENT_KINDS[kind].workload || kind === 'gateway';
}

const CALL_POLICIES = new Set(['timeout', 'retries', 'breaker']);

function propertyFits(key: string, body: Body): boolean {
    if (body.of === 'top') return false;
    const owner = body.of === 'relation' ? 'relation' : body.kind;
    const on = ownValue(PROPERTIES, key)?.on;
    if (on && !on.includes(owner)) return false;
    // Call policies mean nothing on messages and signals (validation warns).
    return !(body.of === 'relation' && body.arrow !== '->' && CALL_POLICIES.has(key));
}
