import type { SeveritySetting } from '../rule.js';
import { SEVERITY_SETTINGS } from '../rule.js';
import type { RuleRegistry } from '../rule-registry.js';
import { suggest } from './parse-config.js';
import type { RulesSettings } from './rule-settings.js';
import { newTable } from '../../util/own-keys.js';

/**
 * Reads `--rule id=severity` flags. Throws an Error with one line for an unknown rule or
 * severity; the CLI turns it into exit code 2.
 */
export function parseRuleFlags(flags: readonly string[], registry: RuleRegistry): RulesSettings {
    const result = newTable<{ severity: SeveritySetting }>();
    for (const flag of flags) {
        const match = /^([^=\s]+)=([^=\s]+)$/.exec(flag.trim());
        if (!match) throw new Error(`--rule takes id=severity (for example --rule missing-timeout=error), not '${flag}'.`);
        const [, id, severity] = match;
        if (!registry.get(id)) throw new Error(`Unknown rule '${id}' in --rule.${suggest(id, registry.ids())}`);
        if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
            throw new Error(`Unknown severity '${severity}' in --rule ${flag}; use one of ${SEVERITY_SETTINGS.join(', ')}.`);
        }
        result[id] = { severity: severity as SeveritySetting };
    }
    return result;
}
