import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { compareDrift } from '../../language-server/src/drift/compare-drift.js';
import { importSources } from '../../language-server/src/import/import-sources.js';
import { importFixture, relationLines } from './import-helpers.js';
import { checkOutPinned, hasPinned, pinnedText } from './pinned-sources.js';

const TEASTORE = { repo: 'DescartesResearch/TeaStore', commit: '5ab1188e3e6b43ed000d23c83d93498cc749d890' };
const COMPOSE = 'examples/docker/docker-compose_default.yaml';
const KUBERNETES = 'examples/kubernetes/teastore-clusterip.yaml';
const errors = (lines: string[]) => lines.filter(l => / error /.test(l));

describe.skipIf(!hasPinned(TEASTORE))('TeaStore (real files at a pinned commit)', () => {
    const dir = hasPinned(TEASTORE) ? checkOutPinned(TEASTORE, [COMPOSE, KUBERNETES]) : '';

    test('compose: every service is an element, every *_HOST variable a relation, published ports are public', async () => {
        const compose = parse(pinnedText(TEASTORE, COMPOSE)) as { services: Record<string, { ports?: string[]; environment?: Record<string, string> }> };
        const { model, diagnostics } = await importFixture([COMPOSE], { cwd: dir });
        expect([...model.elements.keys()]).toEqual(Object.keys(compose.services));
        const expected = Object.entries(compose.services).flatMap(([name, s]) => Object.entries(s.environment ?? {})
            .filter(([key, value]) => key.endsWith('_HOST') && value !== name).map(([, value]) => `${name} -> ${value}`));
        expect(relationLines(model).map(l => l.replace(/ : \w+$/, ''))).toEqual(expected);
        for (const [name, service] of Object.entries(compose.services)) {
            expect([name, model.elements.get(name)?.properties.exposure]).toEqual([name, service.ports ? 'public' : undefined]);
            expect(model.elements.get(name)?.properties.port).toBe(Number(service.ports?.[0]?.split(':')[1] ?? 8080) || 8080);
        }
        expect(model.elements.get('db')?.kind).toBe('database');
        expect(errors(diagnostics)).toEqual([]);
    });

    test('Kubernetes: all Deployments share app: teastore, yet each Service selects its own: seven elements, not one', async () => {
        const docs = parseAllDocuments(pinnedText(TEASTORE, KUBERNETES)).map(d => d.toJS());
        const deployments = docs.filter(d => d?.kind === 'Deployment');
        expect(new Set(deployments.map(d => d.spec.template.metadata.labels.app))).toEqual(new Set(['teastore']));
        const { model, system, diagnostics } = await importFixture([KUBERNETES], { cwd: dir });
        expect([...model.elements.values()].map(e => e.label)).toEqual(deployments.map(d => d.metadata.name));
        // No replicas are written in the file: one pod each.
        for (const e of model.elements.values()) expect([e.label, e.properties.replicas]).toEqual([e.label, 1]);
        const webui = [...model.elements.values()].find(e => e.label === 'teastore-webui')!;
        const webuiService = docs.find(d => d?.kind === 'Service' && d.metadata.name === 'teastore-webui');
        expect(webui.properties.exposure).toBe(webuiService.spec.type === 'NodePort' || webuiService.spec.type === 'LoadBalancer' ? 'public' : undefined);
        expect(system.notes.filter(n => n.includes('selects'))).toEqual([]);
        expect(errors(diagnostics)).toEqual([]);
    });

    test('round trip: the imported model has no drift against the same files', async () => {
        for (const sources of [[COMPOSE], [KUBERNETES]]) {
            const { model } = await importFixture(sources, { cwd: dir });
            const drift = compareDrift(model, await importSources(sources, { cwd: dir }));
            expect(drift.map(f => f.message)).toEqual([]);
        }
    });
});
