import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFixture } from './import-helpers.js';

const POD = (name: string, spec: string[]) => [
    'apiVersion: apps/v1', 'kind: DaemonSet', `metadata: { name: ${name} }`, 'spec:', '  template:',
    `    metadata: { labels: { app: ${name} } }`, '    spec:', ...spec.map(l => `      ${l}`),
].join('\n');

describe('Kubernetes: privileges and service accounts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-k8s-priv-'));
    writeFileSync(path.join(dir, 'agents.yaml'), [
        POD('log-agent', [
            'hostNetwork: true', 'serviceAccountName: log-agent',
            'securityContext: { runAsUser: 0 }',
            'containers:', '  - name: agent', '    image: example/agent',
            '    securityContext: { privileged: true }',
            '    volumeMounts: [{ name: docker, mountPath: /var/run/docker.sock }, { name: logs, mountPath: /var/log }]',
            'volumes:', '  - { name: docker, hostPath: { path: /var/run/docker.sock } }', '  - { name: logs, hostPath: { path: /var/log } }',
        ]),
        '---',
        POD('web', [
            'securityContext: { runAsNonRoot: true }',
            'containers:', '  - name: web', '    image: example/web',
            'volumes:', '  - { name: unused, hostPath: { path: /etc } }',
        ]),
        '---',
        POD('worker', [
            'securityContext: { runAsNonRoot: true }',
            'containers:', '  - name: worker', '    image: example/worker', '    securityContext: { runAsUser: 0 }',
        ]),
        '',
    ].join('\n'));

    test('privileged, runAsUser 0, hostPath volumes and the Docker socket are properties; host network and service account are notes', async () => {
        const { model, system, text } = await importFixture(['agents.yaml'], { cwd: dir });
        expect(model.elements.get('logAgent')?.properties).toMatchObject({ privileged: true, root: true, 'docker-socket': true, 'host-mount': true });
        expect(text).toMatch(/component logAgent "log-agent" : agent \{ deployment "DaemonSet" privileged root docker-socket host-mount \}|service logAgent "log-agent" : agent \{ deployment "DaemonSet" privileged root docker-socket host-mount \}/);
        expect(system.notes).toContain('logAgent runs on its node\'s network (agents.yaml: DaemonSet/log-agent: hostNetwork).');
        expect(system.notes).toContain('logAgent runs as service account log-agent (agents.yaml: DaemonSet/log-agent).');
        // Near misses: runAsNonRoot is a stated `root false`; a hostPath volume no container mounts is not a host mount.
        expect(model.elements.get('web')?.properties).toEqual({ deployment: 'DaemonSet', root: false });
        expect(text).toContain('{ deployment "DaemonSet" root false }');
        // A container's runAsUser wins over the pod's runAsNonRoot.
        expect(model.elements.get('worker')?.properties.root).toBe(true);
    });

    test('bookinfo: service accounts are notes, and the workloads without a security context state no privilege', async () => {
        const { model, system } = await importFixture(['istio/bookinfo/bookinfo.yaml']);
        expect(system.notes).toContain('reviews runs as service account bookinfo-reviews (istio/bookinfo/bookinfo.yaml: Deployment/reviews-v1).');
        expect(system.guesses.filter(g => g.includes('service account'))).toEqual([]);
        for (const key of ['privileged', 'root', 'host-mount', 'docker-socket']) expect(model.elements.get('reviews')?.properties[key]).toBeUndefined();
    });
});

describe('Kubernetes: credentials written into a manifest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archsight-k8s-secret-'));
    writeFileSync(path.join(dir, 'shop.yaml'), [
        POD('orders', ['containers:', '  - name: orders', '    image: example/orders', '    env:', '      - { name: DB_PASSWORD, value: hunter2 }']),
        '---',
        POD('stock', [
            'containers:', '  - name: stock', '    image: example/stock', '    env:',
            '      - { name: DB_PASSWORD, valueFrom: { secretKeyRef: { name: stock-db, key: password } } }',
            '      - { name: API_TOKEN_FILE, value: /var/run/secrets/token }',
        ]),
        '',
    ].join('\n'));

    test('a literal value of a secret variable is `secrets literal`, named in a note without its value; valueFrom and *_FILE are not', async () => {
        const { model, system, text, diagnostics } = await importFixture(['shop.yaml'], { cwd: dir });
        expect(model.elements.get('orders')?.properties.secrets).toBe('literal');
        expect(system.notes).toContain('shop.yaml: DaemonSet/orders: the secret DB_PASSWORD is written in the manifest as a literal; keep it in a Secret.');
        expect(text).not.toContain('hunter2');
        expect(diagnostics.filter(l => l.includes('[hardcoded-secret]'))).toHaveLength(1);
        expect(model.elements.get('stock')?.properties.secrets).toBeUndefined();
    });
});
