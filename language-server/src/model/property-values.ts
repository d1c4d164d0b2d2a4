import type { Value } from '../../generated/ast.js';
import { isBooleanValue, isNumberValue, isQuantityValue, isStringValue, isWordValue } from '../../generated/ast.js';
import type { PropertyValue } from './model-types.js';
import { PROPERTIES, parseDuration, parseSize } from './properties.js';
import { ownValue } from '../util/own-keys.js';

export type Normalized = { readonly value: PropertyValue } | { readonly error: string };

function written(value: Value): string {
    if (isNumberValue(value)) return String(value.number);
    if (isQuantityValue(value)) return value.quantity;
    if (isStringValue(value)) return JSON.stringify(value.text);
    if (isBooleanValue(value)) return String(value.bool);
    return value.word;
}

function textOf(value: Value): string | undefined {
    if (isStringValue(value)) return value.text;
    if (isWordValue(value)) return value.word;
    return undefined;
}

/**
 * Turns a written property value into the model's value, or says why it cannot.
 * Validation reports the error; the model builder leaves the property out.
 */
export function normalizeProperty(key: string, value: Value | undefined): Normalized {
    const spec = ownValue(PROPERTIES, key);
    if (!spec) return { error: `Unknown property '${key}'.` };
    const type = spec.value;
    if (spec.states && value && isWordValue(value) && (value.word === 'none' || value.word === 'default')) {
        // A flag stated absent is `false`, as `breaker false` always was.
        return { value: value.word === 'none' && (type.type === 'flag' || type.type === 'flag-or-text') ? false : value.word };
    }
    switch (type.type) {
        case 'flag':
            if (value === undefined) return { value: true };
            if (isBooleanValue(value)) return { value: value.bool };
            return { error: `'${key}' is a flag: write '${key}' alone, or '${key} true' / '${key} false', not '${written(value)}'.` };
        case 'count': {
            if (value === undefined || !isNumberValue(value) || !Number.isInteger(value.number)) {
                return { error: `'${key}' needs a whole number${value ? `, not '${written(value)}'` : ''}.` };
            }
            if (value.number < type.min) return { error: `'${key}' must be at least ${type.min}, not ${value.number}.` };
            if (type.max !== undefined && value.number > type.max) return { error: `'${key}' must be at most ${type.max}, not ${value.number}.` };
            return { value: value.number };
        }
        case 'duration': {
            const ms = value && isQuantityValue(value) ? parseDuration(value.quantity) : undefined;
            if (ms === undefined) {
                return { error: `'${key}' needs a duration such as 500ms, 2s, 1m or 1h${value ? `, not '${written(value)}'` : ''}.` };
            }
            return { value: ms };
        }
        case 'size': {
            const bytes = value && isQuantityValue(value) ? parseSize(value.quantity) : undefined;
            if (bytes === undefined) return { error: `'${key}' needs a size such as 512mb or 1gb${value ? `, not '${written(value)}'` : ''}.` };
            return { value: bytes };
        }
        case 'enum': {
            const text = value ? textOf(value) : undefined;
            if (text === undefined || !type.values.includes(text)) {
                return { error: `'${key}' takes one of ${type.values.join(', ')}${value ? `, not '${written(value)}'` : ''}.` };
            }
            return { value: text };
        }
        case 'text': {
            const text = value ? textOf(value) : undefined;
            if (text === undefined) return { error: `'${key}' needs a text such as "…"${value ? `, not '${written(value)}'` : ''}.` };
            return { value: text };
        }
        case 'flag-or-text': {
            if (value === undefined) return { value: true };
            if (isBooleanValue(value)) return { value: value.bool };
            const text = textOf(value);
            if (text === undefined) return { error: `'${key}' is a flag or a text, not '${written(value)}'.` };
            return { value: text };
        }
    }
}
