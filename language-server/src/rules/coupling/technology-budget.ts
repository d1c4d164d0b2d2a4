import { ELEMENT_KINDS, isObservabilityKind } from '../../model/kinds.js';
import type { ArchModel, ModelRelation } from '../../model/model-types.js';
import type { TargetRef } from '../finding.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { enclosing } from '../analysis/graph.js';
import { ownValue } from '../../util/own-keys.js';

/**
 * Words of a technology that name a language, and the language they count as: a
 * technology such as `"java jax-ws"` or `spring-boot` counts as java. A technology that
 * names no known language (`keycloak`, `aws-lambda`) is not counted.
 */
const LANGUAGES: Readonly<Record<string, string>> = {
    java: 'java', 'spring-boot': 'java', spring: 'java', quarkus: 'java', micronaut: 'java', kotlin: 'kotlin', scala: 'scala',
    node: 'node', 'node.js': 'node', nodejs: 'node', javascript: 'node', typescript: 'node', express: 'node', nestjs: 'node', deno: 'node',
    go: 'go', golang: 'go', python: 'python', flask: 'python', django: 'python', fastapi: 'python', ruby: 'ruby', rails: 'ruby',
    'c#': 'dotnet', csharp: 'dotnet', '.net': 'dotnet', dotnet: 'dotnet', 'asp.net': 'dotnet', rust: 'rust', php: 'php', laravel: 'php',
    elixir: 'elixir', erlang: 'erlang', clojure: 'clojure', haskell: 'haskell', swift: 'swift', 'c++': 'c++', cpp: 'c++', perl: 'perl', cobol: 'cobol',
};
const PROTOCOL_ALIASES: Readonly<Record<string, string>> = { https: 'http', http2: 'http', h2: 'http', rest: 'http', json: 'http', grpcs: 'grpc', amqps: 'amqp', wss: 'ws', mqtts: 'mqtt' };

function language(technology: string | undefined): string | undefined {
    for (const word of (technology ?? '').toLowerCase().split(/[\s/]+/)) {
        const known = ownValue(LANGUAGES, word) ?? ownValue(LANGUAGES, word.replace(/[-@]?\d+(\.\d+)*$/, ''));
        if (known) return known;
    }
    return undefined;
}

function protocol(text: string | undefined): string | undefined {
    if (!text) return undefined;
    const word = text.toLowerCase();
    return ownValue(PROTOCOL_ALIASES, word) ?? word;
}

/**
 * Relations whose protocol counts: between the parts that talk to each other. Drivers of
 * data stores, telemetry and control-plane plumbing come with those products.
 */
function talksBetweenParts(model: ArchModel, r: ModelRelation): boolean {
    if (r.kind !== 'sync' && r.kind !== 'async') return false;
    return [r.sourceId, r.targetId].every(id => {
        const e = model.elements.get(id);
        if (!e) return true;
        const kind = ELEMENT_KINDS[e.kind];
        return !kind.dataStore && !isObservabilityKind(e.kind) && e.kind !== 'registry' && !enclosing(model, id, 'control-plane');
    });
}

/** A product's name without its version: `postgres/16`, `"mysql 8"` and `mysql` are one technology. */
function product(technology: string | undefined): string | undefined {
    const word = (technology ?? '').toLowerCase().split(/[\s/]+/)[0]?.replace(/[-@]\d+(\.\d+)*$/, '');
    return word || undefined;
}

/** Each language and protocol is a toolchain, a library set and an on-call skill the organisation must keep. */
export const technologyBudget: Rule = {
    id: 'technology-budget',
    group: 'coupling',
    defaultSeverity: 'info',
    description: 'More languages, protocols, datastore or broker technologies are in use than the budget (`maxLanguages` 4, `maxProtocols` 4, `maxDatastores` 3, `maxBrokers` 2), each counted on its own.',
    explanation: 'Polyglot freedom has a price: every language needs its build, its libraries for tracing, ' +
        'retries and security, and people on call who can read it; every protocol needs its clients, proxies ' +
        'and debugging tools; every datastore and broker technology needs its operations, backups and upgrades. ' +
        'Each kind is counted against its own budget. Agree a budget and converge on it when a service is next rewritten.',
    thresholds: {
        maxLanguages: { default: 4, min: 1, description: 'The most languages that services and functions may use.' },
        maxProtocols: { default: 4, min: 1, description: 'The most protocols that relations may use.' },
        maxDatastores: { default: 3, min: 1, description: 'The most database, cache and storage technologies.' },
        maxBrokers: { default: 2, min: 1, description: 'The most message broker, queue and ESB technologies.' },
    },
    check(model, { thresholds }) {
        const languages = new Map<string, TargetRef>();
        for (const e of model.elements.values()) {
            if ((e.kind !== 'service' && e.kind !== 'function') || e.properties.external === true) continue;
            const lang = language(e.technology);
            if (lang && !languages.has(lang)) languages.set(lang, element(e.id));
        }
        const protocols = new Map<string, TargetRef>();
        for (const r of model.relations) {
            // The first relation of a protocol that talks between parts counts (asked only of
            // protocols not counted yet: the walk up its groups is the dearer test).
            const p = protocol(r.protocol);
            if (p && !protocols.has(p) && talksBetweenParts(model, r)) protocols.set(p, relation(r.id));
        }
        const datastores = new Map<string, TargetRef>();
        const brokers = new Map<string, TargetRef>();
        for (const e of model.elements.values()) {
            if (e.properties.external === true) continue;
            const kind = ELEMENT_KINDS[e.kind];
            const into = kind.dataStore || e.kind === 'dbserver' ? datastores : kind.messaging ? brokers : undefined;
            const name = into ? product(e.technology) : undefined;
            if (into && name && !into.has(name)) into.set(name, element(e.id));
        }
        const findings: Finding[] = [];
        const over = (what: string, used: Map<string, TargetRef>, budget: number, describe: (name: string) => string) => {
            if (used.size <= budget) return;
            const entries = [...used.entries()];
            findings.push({
                target: entries[budget][1],
                message: `${used.size} ${what} in use (budget ${budget}): ${entries.map(([name]) => name).join(', ')}.`,
                related: entries.map(([name, at]) => ({ target: at, message: describe(name) })),
            });
        };
        over('languages', languages, thresholds.maxLanguages, name => `first use of ${name}`);
        over('protocols', protocols, thresholds.maxProtocols, name => `first use of ${name}`);
        over('datastore technologies', datastores, thresholds.maxDatastores, name => `first use of ${name}`);
        over('broker technologies', brokers, thresholds.maxBrokers, name => `first use of ${name}`);
        return findings;
    },
};
