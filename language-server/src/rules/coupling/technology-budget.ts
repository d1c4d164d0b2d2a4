import type { TargetRef } from '../finding.js';
import { element, relation, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** Spellings of one language or protocol family, so that `spring-boot` and `java` count once. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
    'spring-boot': 'java', spring: 'java', quarkus: 'java', micronaut: 'java', jvm: 'java',
    'node.js': 'node', nodejs: 'node', javascript: 'node', typescript: 'node', express: 'node', nestjs: 'node', js: 'node', ts: 'node',
    golang: 'go', 'c#': 'dotnet', csharp: 'dotnet', '.net': 'dotnet', 'asp.net': 'dotnet', net: 'dotnet',
    flask: 'python', django: 'python', fastapi: 'python', py: 'python', rails: 'ruby',
};
/** Technologies that name where code runs, not what it is written in. */
const PLATFORMS = new Set(['lambda', 'aws-lambda', 'azure-functions', 'cloud-functions', 'gcf', 'openfaas', 'knative', 'faas',
    'docker', 'container', 'kubernetes', 'k8s', 'vm', 'jar', 'war']);
const PROTOCOL_ALIASES: Readonly<Record<string, string>> = { https: 'http', http2: 'http', h2: 'http', grpcs: 'grpc', amqps: 'amqp', wss: 'ws', mqtts: 'mqtt' };

function language(technology: string | undefined): string | undefined {
    if (!technology) return undefined;
    const word = technology.toLowerCase().replace(/[-.]?\d+(\.\d+)*$/, '');
    if (PLATFORMS.has(word)) return undefined;
    return LANGUAGE_ALIASES[word] ?? word;
}

function protocol(text: string | undefined): string | undefined {
    if (!text) return undefined;
    const word = text.toLowerCase();
    return PROTOCOL_ALIASES[word] ?? word;
}

/** Each language and protocol is a toolchain, a library set and an on-call skill the organisation must keep. */
export const technologyBudget: Rule = {
    id: 'technology-budget',
    group: 'coupling',
    defaultSeverity: 'info',
    description: 'The services use more languages, or the relations more protocols, than the budget (`maxLanguages` 4, `maxProtocols` 4).',
    explanation: 'Polyglot freedom has a price: every language needs its build, its libraries for tracing, ' +
        'retries and security, and people on call who can read it; every protocol needs its clients, proxies ' +
        'and debugging tools. Agree a budget and converge on it when a service is next rewritten.',
    thresholds: {
        maxLanguages: { default: 4, min: 1, description: 'The most languages that services and functions may use.' },
        maxProtocols: { default: 4, min: 1, description: 'The most protocols that relations may use.' },
    },
    check(model, { thresholds }) {
        const languages = new Map<string, TargetRef>();
        for (const e of model.elements.values()) {
            if (e.kind !== 'service' && e.kind !== 'function') continue;
            const lang = language(e.technology);
            if (lang && !languages.has(lang)) languages.set(lang, element(e.id));
        }
        const protocols = new Map<string, TargetRef>();
        for (const r of model.relations) {
            const p = r.kind === 'sync' || r.kind === 'async' ? protocol(r.protocol) : undefined;
            if (p && !protocols.has(p)) protocols.set(p, relation(r.id));
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
        return findings;
    },
};
