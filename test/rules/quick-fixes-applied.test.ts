import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { arch, check, createRuleTestServices, fixAndRecheck } from './rule-test-kit.js';

/**
 * The quick fixes of the rules added for issue 12, applied: the edit is made, the file is
 * checked again, the finding is gone and the file still parses without errors.
 */
const services = createRuleTestServices();
afterEach(() => clearDocuments(services.shared));

async function applied(text: string, rule: string, title: RegExp) {
    return fixAndRecheck(services, await check(services, arch(text)), rule, title);
}

describe('quick fixes applied', () => {
    test('missing-circuit-breaker: adds a breaker to the call', async () => {
        const { text, findings, errors } = await applied('gateway edge\nservice a\nservice b\nedge -> a { timeout 3s breaker }\na -> b { timeout 1s breaker none }', 'missing-circuit-breaker', /circuit breaker/);
        expect(text).toMatch(/a -> b \{ timeout 1s breaker( |\s*\})/);
        expect(text).not.toContain('breaker none');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('hardcoded-secret: reads the credentials from a secret store', async () => {
        const { text, findings, errors } = await applied('service a { secrets literal }', 'hardcoded-secret', /secret store/);
        expect(text).toContain('service a { secrets store }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('excessive-privilege: runs as a non-root user', async () => {
        const { text, findings, errors } = await applied('service a { root }', 'excessive-privilege', /non-root/);
        expect(text).toContain('service a { root false }');
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('missing-health-check: marks a health endpoint nothing probes as probed', async () => {
        const { text, findings, errors } = await applied('gateway a\nservice b { health "/h" probed none }\na -> b', 'missing-health-check', /as probed/);
        expect(text).toMatch(/service b \{ health "\/h" probed \}/);
        expect(findings).toEqual([]);
        expect(errors).toEqual([]);
    });

    test('public-non-gateway: makes a public database internal; routes clients through the existing gateway', async () => {
        const db = await applied('service a\ndatabase db { exposure public }\na -> db', 'public-non-gateway', /internal/);
        expect(db.text).toContain('database db { exposure internal }');
        expect(db.findings).toEqual([]);
        expect(db.errors).toEqual([]);
        const routed = await applied('client web\ngateway edge { exposure public }\nservice a { exposure public }\nweb -> edge\nweb -> a', 'public-non-gateway', /Route through gateway 'edge'/);
        expect(routed.text).toContain('service a { exposure internal }');
        expect(routed.text).toContain('edge -> a');
        expect(routed.text).not.toContain('web -> a');
        expect(routed.findings).toEqual([]);
        expect(routed.errors).toEqual([]);
    });
});
