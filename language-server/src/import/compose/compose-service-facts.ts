import type { Data } from '../yaml-input.js';
import { isRecord, scalarText } from '../yaml-input.js';

/** The facts of one Compose service that the model can say: environment, ports, replicas, health. */

export function environmentOf(definition: Record<string, Data>): Map<string, string> {
    const env = new Map<string, string>();
    const raw = definition.environment;
    if (Array.isArray(raw)) {
        for (const item of raw) {
            const text = scalarText(item);
            if (!text) continue;
            const eq = text.indexOf('=');
            env.set(eq < 0 ? text : text.slice(0, eq), eq < 0 ? '' : text.slice(eq + 1));
        }
    } else if (isRecord(raw)) {
        for (const [key, value] of Object.entries(raw)) env.set(key, scalarText(value) ?? '');
    }
    return env;
}

export function dependsOn(definition: Record<string, Data>): string[] {
    const raw = definition.depends_on;
    if (Array.isArray(raw)) return raw.map(scalarText).filter((s): s is string => !!s);
    if (isRecord(raw)) return Object.keys(raw);
    return [];
}

export interface PortFacts {
    /** The first port the container listens on. */
    readonly port?: number;
    /** Published on the host (`ports`), as opposed to only exposed to other services. */
    readonly published: boolean;
}

/** `"8080"`, `"80:4000"`, `"127.0.0.1:80:4000/tcp"`, `"8000-8010:8000-8010"` or `{ target, published }`. */
export function portsOf(definition: Record<string, Data>): PortFacts {
    const ports = Array.isArray(definition.ports) ? definition.ports : [];
    const expose = Array.isArray(definition.expose) ? definition.expose : [];
    let published = false;
    let port: number | undefined;
    for (const entry of ports) {
        if (isRecord(entry)) {
            port ??= toPort(scalarText(entry.target));
            if (entry.published !== undefined) published = true;
            continue;
        }
        const text = scalarText(entry) ?? '';
        const parts = text.split('/')[0].split(':');
        port ??= toPort(parts[parts.length - 1]);
        if (parts.length > 1) published = true;
    }
    for (const entry of expose) port ??= toPort(scalarText(entry)?.split('/')[0]);
    return { port, published };
}

function toPort(text: string | undefined): number | undefined {
    const n = Number((text ?? '').split('-')[0]);
    return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

export function replicasOf(definition: Record<string, Data>): number | undefined {
    const deploy = isRecord(definition.deploy) ? definition.deploy : {};
    const n = Number(deploy.replicas ?? definition.scale);
    return deploy.replicas === undefined && definition.scale === undefined ? undefined : Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `true` for a health check, the path when its command names an HTTP URL; undefined when there is none or it is disabled. */
export function healthOf(definition: Record<string, Data>): string | true | undefined {
    const check = definition.healthcheck;
    if (!isRecord(check) || check.disable === true) return undefined;
    const test = Array.isArray(check.test) ? check.test.map(t => scalarText(t) ?? '') : [scalarText(check.test) ?? ''];
    if (test[0] === 'NONE') return undefined;
    for (const word of test.join(' ').split(/\s+/)) {
        const scheme = word.indexOf('://');
        if (scheme < 0) continue;
        const slash = word.indexOf('/', scheme + 3);
        return slash < 0 ? true : word.slice(slash).replace(/["']/g, '') || true;
    }
    return true;
}
