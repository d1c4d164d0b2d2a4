import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { blastRadius } from '../../language-server/src/analysis/blast-radius.js';
import { arch, createTestServices } from '../helpers/services.js';

const services = createTestServices();
afterEach(() => clearDocuments(services.shared));

const modelOf = async (text: string) => services.Arch.model.ModelProvider.getModel(await services.parse(text));

describe('blastRadius', () => {
    test('callers fail with what they call, transitively, nearest first', async () => {
        const model = await modelOf(arch(`
            client web
            service orders
            service payments
            service reports
            database paymentsDb
            web -> orders
            orders -> payments { timeout 1s }
            reports -> payments { timeout 5s }
            payments -> paymentsDb`));
        expect(blastRadius(model, 'paymentsDb')).toEqual(['payments', 'orders', 'reports', 'web']);
        expect(blastRadius(model, 'web')).toEqual([]);
    });

    test('a circuit breaker stops the spread, on the call, in the sidecar or from the mesh', async () => {
        const model = await modelOf(arch(`
            service a
            service b { sidecar bProxy : envoy { breaker } }
            mesh m { breaker
                service c
            }
            service target
            a -> target { timeout 1s breaker }
            b -> target
            c -> target`));
        expect(blastRadius(model, 'target')).toEqual([]);
    });

    test('messages and telemetry do not spread a failure', async () => {
        const model = await modelOf(arch('service a\nbus events\nservice b\nmetrics p\na ~> events\nevents ~> b\nb ..> p'));
        expect(blastRadius(model, 'events')).toEqual([]);
        expect(blastRadius(model, 'p')).toEqual([]);
    });

    test('a gateway fails for the routes through the failed service, but its callers are not all lost', async () => {
        const model = await modelOf(arch('client web\ngateway edge\nservice a\nservice b\nweb -> edge\nedge -> a\nedge -> b'));
        expect(blastRadius(model, 'a')).toEqual(['edge']);
        expect(blastRadius(model, 'edge')).toEqual(['web']);
    });

    test('a group takes its members with it; a service and its sidecar share their fate', async () => {
        const model = await modelOf(arch(`
            client web
            system shop { service a service b }
            service c { sidecar cProxy : envoy }
            web -> a
            web -> c`));
        expect(blastRadius(model, 'shop')).toEqual(['a', 'b', 'web']);
        expect(blastRadius(model, 'cProxy')).toEqual(['c', 'web']);
    });

    test('cycles end', async () => {
        const model = await modelOf(arch('service a\nservice b\na -> b\nb -> a'));
        expect(blastRadius(model, 'a')).toEqual(['b']);
    });
});
