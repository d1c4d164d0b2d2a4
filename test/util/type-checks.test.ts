import { describe, expect, test } from 'vitest';
import { reflection } from '../../language-server/generated/ast.js';
import '../../language-server/src/util/type-checks.js';

describe("the type guards' subtype test", () => {
    test('answers as the grammar says, on the first call (which fills the cache) and from the cache', () => {
        const types = reflection.getAllTypes();
        const superTypes = (type: string): Set<string> => {
            const found = new Set<string>([type]);
            for (const t of found) for (const s of reflection.getTypeMetaData(t).superTypes) found.add(s);
            return found;
        };
        expect(types.length).toBeGreaterThan(20);
        for (let round = 0; round < 2; round++) {
            for (const sub of types) {
                const expected = superTypes(sub);
                for (const sup of types) expect(reflection.isSubtype(sub, sup), `${sub} ⊂ ${sup}`).toBe(expected.has(sup));
            }
        }
        expect(reflection.isInstance({ $type: 'Group' }, 'Member')).toBe(true);
        expect(reflection.isInstance({ $type: 'Group' }, 'Relation')).toBe(false);
    });
});
