import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { freshId } from '../analysis/fix-names.js';

const INTERNAL_ONLY = new Set(['database', 'cache', 'dbserver', 'registry']);

/** Whatever the public can reach should be built to face it: a gateway. */
export const publicNonGateway: Rule = {
    id: 'public-non-gateway',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'A service or function, rather than a gateway, or a database, cache or registry is exposed to the public (`exposure public`).',
    explanation: 'Every publicly reachable service is attack surface that must authenticate, throttle and ' +
        'validate on its own. Expose only gateways: they terminate TLS, check tokens and rate-limit in one ' +
        'place, and the services behind them stay `internal`.',
    check(model) {
        const findings: Finding[] = [];
        const gateway = [...model.elements.values()].find(e => e.kind === 'gateway');
        for (const e of model.elements.values()) {
            // Infrastructure that only our services should reach: a database, a cache, a registry.
            if (e.properties.exposure === 'public' && INTERNAL_ONLY.has(e.kind) && e.properties.external !== true && e.properties.managed !== true) {
                findings.push({
                    target: element(e.id),
                    message: `${e.kind === 'registry' ? 'Registry' : e.kind === 'cache' ? 'Cache' : e.kind === 'dbserver' ? 'Database server' : 'Database'} '${e.id}' is exposed to the public: only the services that use it should reach it; make it internal.`,
                    fixes: [{ kind: 'set-properties', title: `Make '${e.id}' internal`, target: element(e.id), properties: [{ key: 'exposure', value: 'internal' }] }],
                });
                continue;
            }
            // Components often stand for third-party systems on the internet; the rule is about what we run.
            if (e.properties.exposure !== 'public' || (e.kind !== 'service' && e.kind !== 'function') || e.properties.external === true) continue;
            const fromClients = (model.incoming.get(e.id) ?? [])
                .filter(r => r.kind === 'sync' && model.elements.get(r.sourceId)?.kind === 'client');
            const newGateway = freshId(model, 'apiGateway');
            findings.push({
                target: element(e.id),
                message: `${e.kind === 'service' ? 'Service' : 'Function'} '${e.id}' is exposed to the public but is not a gateway: put a gateway in front of it and make it internal.`,
                related: fromClients.map(r => ({ target: relation(r.id), message: `'${r.sourceId}' reaches '${e.id}' directly` })),
                fixes: [gateway
                    ? { kind: 'insert-gateway', title: `Route through gateway '${gateway.id}' and make '${e.id}' internal`, anchorId: gateway.id, gatewayId: gateway.id, declare: false, reroute: fromClients.map(r => r.id), behind: [e.id], unexpose: [e.id] }
                    : { kind: 'insert-gateway', title: `Insert gateway '${newGateway}' in front of '${e.id}'`, anchorId: e.id, gatewayId: newGateway, declare: true, reroute: fromClients.map(r => r.id), behind: [e.id], unexpose: [e.id] }],
            });
        }
        return findings;
    },
};
