import { envLinks, isLiteralSecret } from '../env-links.js';
import { toId } from '../ids.js';
import type { ImportedSystem } from '../imported-system.js';
import { addElement, addRelation, guessOnce, noteOnce } from '../imported-system.js';
import { recognise, technologyOf } from '../technology.js';
import { scalarText } from '../yaml-input.js';
import { COMPOSE_SERVICE_FIELDS } from './compose-fields.js';
import { dependsOn, environmentOf, healthOf, portsOf, replicasOf } from './compose-service-facts.js';
import { importComposePrivileges } from './compose-privileges.js';
import type { ComposeService } from './load-compose.js';
import { linkArrow } from '../link-arrow.js';

/**
 * Compose services as elements: the kind and technology from the image (or the name),
 * replicas, health check, port and exposure; `depends_on` and environment variables that
 * name another service as relations.
 */
export function importCompose(services: readonly ComposeService[], system: ImportedSystem): void {
    system.sourceKinds.add('compose');
    const names = new Set(services.map(s => s.name));
    for (const service of services) {
        const { name, definition, origin } = service;
        for (const field of Object.keys(definition)) {
            if (!COMPOSE_SERVICE_FIELDS.has(field) && !field.startsWith('x-')) noteOnce(system, `docker-compose: unknown service field '${field}' is not read (first in ${origin}).`);
        }
        const image = scalarText(definition.image);
        const known = recognise(image, name);
        if (known) guessOnce(system, `${toId(name)} is a ${known.kind}${known.technology ? ` (${known.technology})` : ''}, from its ${image && recognise(image, '') ? 'image' : 'name'}.`);
        const element = addElement(system, toId(name), known?.kind ?? 'service', origin, known?.technology || technologyOf(image));
        if (element.id !== name) element.label = name;
        const replicas = replicasOf(definition);
        if (replicas !== undefined) element.properties.set('replicas', replicas);
        const health = healthOf(definition);
        if (health !== undefined) element.properties.set('health', health);
        const ports = portsOf(definition);
        if (ports.port !== undefined) element.properties.set('port', ports.port);
        if (ports.published) element.properties.set('exposure', 'public');
        importComposePrivileges(definition, element);
        // Compose: `environment` wins over the env files.
        const env = new Map([...service.envFromFiles, ...environmentOf(definition)]);
        for (const [variable, value] of env) {
            if (!isLiteralSecret(variable, value)) continue;
            // What the service is: its credentials are written down (the reviewer's hardcoded-secret says so).
            element.properties.set('secrets', 'literal');
            noteOnce(system, `${origin}: the secret ${variable} is written ${service.envFromFiles.get(variable) === value && !environmentOf(definition).has(variable) ? 'in an env file' : 'in the file'} as a literal; keep it in a secret store.`);
        }
        for (const target of dependsOn(definition)) {
            if (!names.has(target)) continue;
            addRelation(system, element.id, toId(target), linkArrow(services, target), `${origin}.depends_on`);
        }
        for (const link of envLinks(env, names)) {
            const relation = addRelation(system, element.id, toId(link.target), linkArrow(services, link.target), `${origin}.environment.${link.variable}`);
            if (relation) guessOnce(system, `${element.id} -> ${relation.targetId}: from the environment variable ${link.variable}.`);
        }
    }
    for (const relation of system.relations.values()) {
        const target = system.elements.get(relation.targetId);
        if (target && !relation.protocol) relation.protocol = recognise(undefined, target.technology ?? '')?.protocol;
    }
}
