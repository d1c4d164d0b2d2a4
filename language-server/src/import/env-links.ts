import { hostToName } from './ids.js';

/**
 * Environment variables that point at another service: `CART_HOST=cart`,
 * `CATALOGUE_URL=http://catalogue:8080/`, `MONGO_URL=mongodb://mongodb:27017/users`,
 * `SPRING_DATASOURCE_URL=jdbc:mysql://mysql:3306/cities`, `KAFKA_BROKERS=kafka-0:9092,kafka-1:9092`.
 */

const POINTING_SUFFIXES = ['HOST', 'HOSTS', 'HOSTNAME', 'URL', 'URI', 'ADDR', 'ADDRESS', 'SERVER', 'SERVERS', 'ENDPOINT', 'DSN', 'BROKER', 'BROKERS', 'CONNECTION', 'CONNECTION_STRING', 'SERVICE'];
const SECRET_WORDS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'API_KEY', 'APIKEY', 'PRIVATE_KEY', 'CREDENTIALS'];

export interface EnvLink {
    readonly variable: string;
    /** The name as the other service is known (compose service name, Kubernetes Service name). */
    readonly target: string;
}

/** The names among `known` that a variable's value points at. */
export function envLinks(env: ReadonlyMap<string, string>, known: ReadonlySet<string>): EnvLink[] {
    const links: EnvLink[] = [];
    for (const [variable, value] of env) {
        if (!value || !pointsSomewhere(variable, value)) continue;
        for (const host of hostsIn(value)) {
            const name = hostToName(host);
            if (known.has(name) && !links.some(l => l.target === name)) links.push({ variable, target: name });
        }
    }
    return links;
}

function pointsSomewhere(variable: string, value: string): boolean {
    const upper = variable.toUpperCase();
    return value.includes('://') || POINTING_SUFFIXES.some(s => upper === s || upper.endsWith(`_${s}`));
}

/** The hosts in a URL, a connection string or a comma-separated list of host:port. */
export function hostsIn(value: string): string[] {
    let rest = value.trim().replace(/^jdbc:/i, '');
    const scheme = rest.indexOf('://');
    if (scheme >= 0) {
        rest = rest.slice(scheme + 3);
        const slash = rest.search(/[/?#]/);
        if (slash >= 0) rest = rest.slice(0, slash);
        if (rest.includes('@')) rest = rest.slice(rest.lastIndexOf('@') + 1);
    }
    return rest.split(/[,;\s]+/).filter(Boolean);
}

/** A variable that names a secret and whose value is written in the file rather than taken from elsewhere. */
export function isLiteralSecret(variable: string, value: string | undefined): boolean {
    const upper = variable.toUpperCase();
    if (!SECRET_WORDS.some(w => upper.includes(w))) return false;
    if (value === undefined || value === '') return false;
    // `$VAR`, `${VAR}` are filled from the environment at start; `/run/secrets/x` is a file.
    return !value.startsWith('$') && !value.startsWith('/run/secrets/') && !upper.endsWith('_FILE');
}
