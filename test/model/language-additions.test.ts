import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { callPolicy } from '../../language-server/src/rules/analysis/call-policy.js';
import { BUILTIN_RULES } from '../../language-server/src/rules/rule-registry.js';
import { arch, createTestServices } from '../helpers/services.js';

const services = createTestServices();
const RULE_IDS = new Set(BUILTIN_RULES.map(r => r.id));
afterEach(() => clearDocuments(services.shared));

async function parsed(text: string) {
    const doc = await services.parse(text, { validation: true });
    // The language's own errors, not the reviewer's findings.
    const errors = (doc.diagnostics ?? []).filter(d => d.severity === 1 && !RULE_IDS.has(String(d.code))).map(d => d.message);
    return { model: services.Arch.model.ModelProvider.getModel(doc), errors };
}

describe('unknown, default and absent', () => {
    test('`none` and `default` are values of their own; unwritten stays unknown', async () => {
        const { model, errors } = await parsed(arch(`
            service a
            service b
            service c
            service d
            a -> b { timeout none breaker none retries default }
            a -> c { timeout default breaker default fallback "cached" }
            a -> d { connect-timeout 1s }`));
        expect(errors).toEqual([]);
        const [ab, ac, ad] = model.relations;
        expect(ab.properties).toEqual({ timeout: 'none', breaker: false, retries: 'default' });
        expect(callPolicy(model, ab)).toMatchObject({ timeoutState: 'none', breakerState: 'none', fallbackState: 'unknown' });
        expect(callPolicy(model, ac)).toMatchObject({ timeoutState: 'default', breakerState: 'default', fallbackState: 'set' });
        // A connect timeout is not a request timeout.
        expect(callPolicy(model, ad)).toMatchObject({ timeoutState: 'unknown', breakerState: 'unknown' });
        expect(ad.properties).toEqual({ 'connect-timeout': 1000 });
    });

    test('`none` is not a value of properties that do not take it', async () => {
        const { errors } = await parsed(arch('service a { replicas none }'));
        expect(errors).toEqual([expect.stringContaining("'replicas' needs a whole number")]);
    });

    test('the call sets the state before the mesh: `timeout none` on a call is not overruled', async () => {
        const { model } = await parsed(arch('mesh m { timeout 2s\n service a\n service b }\na -> b { timeout none }'));
        expect(callPolicy(model, model.relations[0])).toMatchObject({ timeoutState: 'none', timeout: undefined });
    });
});

describe('parts, libraries and new kinds', () => {
    test('versions belong to their service, databases to their server, libraries to their users', async () => {
        const { model, errors } = await parsed(arch(`
            library commonAuth : java
            frontend web : react { exposure public }
            service reviews : java {
                uses commonAuth
                version v1 { weight 90 }
                version v2 { weight 10 }
            }
            dbserver mysql : mysql { database reviewsDb { owner reviews } database ratingsDb }
            web -> v2 { timeout 1s }`));
        expect(errors).toEqual([]);
        expect(model.elements.get('reviews')).toMatchObject({ partIds: ['v1', 'v2'], libraryIds: ['commonAuth'], sidecarIds: [] });
        expect(model.elements.get('v2')).toMatchObject({ kind: 'version', partOf: 'reviews', properties: { weight: 10 } });
        expect(model.elements.get('mysql')?.partIds).toEqual(['reviewsDb', 'ratingsDb']);
        expect(model.elements.get('reviewsDb')).toMatchObject({ partOf: 'mysql', ownerId: 'reviews' });
        expect(model.elements.get('web')?.kind).toBe('frontend');
        expect(model.relations.map(r => r.id)).toEqual(['web->v2']);
    });

    test('a version outside a service and a database inside a service are misplaced', async () => {
        const { errors } = await parsed(arch('dbserver pg { version v1 }\nservice a { database db }'));
        expect(errors).toEqual([
            expect.stringContaining("Move version 'v1' out of 'pg'"),
            expect.stringContaining("Move database 'db' out of 'a'"),
        ]);
    });

    test('`uses` names a library', async () => {
        const { errors } = await parsed(arch('service a\nservice b { uses a }'));
        expect(errors).toEqual(["'b' uses 'a', which is a service, not a library."]);
    });

    test('runtime, secrets and signal properties are read', async () => {
        const { model, errors } = await parsed(arch(`
            service a { secrets literal root privileged docker-socket host-mount probed none propagation b3 logging file loc 300 }
            metrics prom
            a -> prom { startup repeat 3 pool 1 }
            a ..> prom { origin infrastructure }`));
        expect(errors).toEqual([]);
        expect(model.elements.get('a')?.properties).toEqual({
            secrets: 'literal', root: true, privileged: true, 'docker-socket': true, 'host-mount': true,
            probed: false, propagation: 'b3', logging: 'file', loc: 300,
        });
        expect(model.relations.map(r => r.properties)).toEqual([{ startup: true, repeat: 3, pool: 1 }, { origin: 'infrastructure' }]);
    });
});
