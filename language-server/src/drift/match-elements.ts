import { matchKey } from '../import/ids.js';
import type { ImportedSystem } from '../import/imported-system.js';
import type { ArchModel } from '../model/model-types.js';

/**
 * Which model element each imported element is: same id, or the same name once case and
 * punctuation are ignored (`auth-service`, `authService`, "Auth Service"), by id or label.
 */
export function matchElements(model: ArchModel, system: ImportedSystem): Map<string, string> {
    const byKey = new Map<string, string>();
    for (const element of model.elements.values()) {
        for (const name of [element.id, element.label]) {
            const key = matchKey(name);
            if (!byKey.has(key)) byKey.set(key, element.id);
        }
    }
    const result = new Map<string, string>();
    for (const imported of system.elements.values()) {
        const hit = model.elements.has(imported.id) ? imported.id : byKey.get(matchKey(imported.id)) ?? (imported.label ? byKey.get(matchKey(imported.label)) : undefined);
        if (hit) result.set(imported.id, hit);
    }
    return result;
}
