import { isObservabilityKind } from '../../model/kinds.js';
import { element, type Finding } from '../finding.js';
import type { Rule } from '../rule.js';

/** What each privilege lets a compromised process do. */
const PRIVILEGES: ReadonlyArray<readonly [key: string, what: string]> = [
    ['privileged', 'runs privileged (it can take over the host)'],
    ['docker-socket', 'mounts the Docker socket (it can start any container on the host)'],
    ['host-mount', 'mounts a directory of the host'],
    ['root', 'runs as root'],
];

/** Host-level agents that read the host's logs and metrics need its directories and its Docker socket. */
const HOST_ACCESS = new Set(['host-mount', 'docker-socket']);

/** The least privilege a workload needs is the most it should have. */
export const excessivePrivilege: Rule = {
    id: 'excessive-privilege',
    group: 'mesh-security',
    defaultSeverity: 'warning',
    description: 'A workload runs as root, privileged, or with the host\'s directories or Docker socket mounted.',
    explanation: 'A process that runs as root or privileged, or that can reach the host\'s file system or the ' +
        'Docker socket, turns a bug in it into a compromise of the host and of every container on it. Run as ' +
        'a non-root user (`root false`), drop `privileged`, and mount only what is needed. Observability ' +
        'agents, shippers, collectors and exporters that read the host (node exporter, Filebeat) are allowed ' +
        'host mounts and the Docker socket; they are still reported when they run privileged or as root.',
    check(model) {
        const findings: Finding[] = [];
        for (const e of model.elements.values()) {
            if (e.properties.external === true) continue;
            const held = PRIVILEGES.filter(([key]) => e.properties[key] === true && !(HOST_ACCESS.has(key) && isObservabilityKind(e.kind)));
            if (held.length === 0) continue;
            findings.push({
                target: element(e.id),
                message: `'${e.id}' ${held.map(([, what]) => what).join(', and ')}: a bug in it is a compromise of its host.`,
                fixes: held.some(([key]) => key === 'root') ? [{ kind: 'set-properties', title: `Run '${e.id}' as a non-root user`, target: element(e.id), properties: [{ key: 'root', value: 'false' }] }] : undefined,
            });
        }
        return findings;
    },
};
